/**
 * Strings of the library: English, Spanish, French, German and Japanese. `RefoldProvider`'s `locale` picks
 * one; `messages` overrides single keys.
 */
export { catalogs, resolveMessages, isShippedLocale } from './catalog.js';
export type { MessageKey, RefoldMessages } from './catalog.js';
export { formatMessage, formatRelativeTime, formatDateTime } from './format.js';
export type { MessageParams } from './format.js';
export { defineMessages } from './types.js';
export type { Message, MessageSection, PluralMessage, RefoldLocale } from './types.js';
