/// <reference types="vite/client" />
// Setup of the `components` project (Vitest browser mode, Chromium).
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../src/styles.css';

// RTL registers its own cleanup only when the test framework exposes globals; ours does not.
afterEach(() => cleanup());

// findBy…/waitFor wait up to 5 s: the machines that run CI are shared and slow at times.
configure({ asyncUtilTimeout: 5_000 });
