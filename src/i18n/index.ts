/**
 * Strings of the library. English ships with the components; Spanish, French, German and Japanese are
 * modules of their own (`@refold/react/locales/es` …), loaded only by an app that asks for them.
 * `RefoldProvider`'s `locale` picks one; `messages` overrides single keys (or passes a whole catalog).
 */
export { en, loadCatalog, shippedLocale } from './catalog.js';
export type { MessageKey, RefoldMessages } from './catalog.js';
export { formatMessage, formatRelativeTime, formatDateTime } from './format.js';
export type { MessageParams } from './format.js';
export type { Message, PluralMessage, RefoldLocale } from './types.js';
