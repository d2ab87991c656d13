'use client';
/**
 * `@refold/react`: React hooks and components for embedding Refold integrations. Authenticated by
 * session tokens that your backend mints; no API key ever reaches the browser.
 */
export * from './react/index.js';
export * from './components/index.js';
export * from './core/index.js';
export type { MessageKey, RefoldMessages, RefoldLocale, Message, PluralMessage } from './i18n/index.js';
