import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// RTL registers its own cleanup only when the test framework exposes globals; ours does not.
afterEach(() => cleanup());
