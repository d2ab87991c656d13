'use client';
/**
 * `@refold/react`: React hooks (and, soon, components) for embedding Refold integrations. Authenticated by
 * session tokens that your backend mints; no API key ever reaches the browser.
 */
export * from './react/index.js';
export * from './core/index.js';
export type { ConnectState, ConnectStatus, ConnectTiming } from './core/connect.js';
export type { RefoldMessages } from './i18n/en.js';
