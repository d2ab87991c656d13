/// <reference types="vite/client" />
// Setup of the `components` project (Vitest browser mode, Chromium).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../src/styles.css';

// RTL registers its own cleanup only when the test framework exposes globals; ours does not.
afterEach(() => cleanup());
