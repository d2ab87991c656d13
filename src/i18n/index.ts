/**
 * Strings of the library. English is built in; other locales and per-key overrides come through
 * `RefoldProvider`'s `locale` and `messages`.
 */
export { en } from './en.js';
export type { RefoldMessages } from './en.js';
export { resolveMessages } from './resolve.js';
