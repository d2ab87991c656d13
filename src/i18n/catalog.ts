import { catalog } from './sections/catalog.js';
import { common } from './sections/common.js';
import { config } from './sections/config.js';
import { connect } from './sections/connect.js';
import { executions } from './sections/executions.js';
import type { Message, RefoldLocale } from './types.js';

const sections = [common, catalog, connect, config, executions] as const;

type Section = (typeof sections)[number];
type KeysOf<S> = S extends { en: Record<infer K, Message> } ? K : never;

/** Every message key of the library. */
export type MessageKey = KeysOf<Section>;

/** The whole catalog of one locale: every key. Pass a `Partial` of it as `messages` to override strings. */
export type RefoldMessages = Record<MessageKey, Message>;

function merge(locale: RefoldLocale): RefoldMessages {
  return Object.assign({}, ...sections.map((s) => s[locale])) as RefoldMessages;
}

/** Catalogs of the shipped locales. */
export const catalogs: Readonly<Record<RefoldLocale, RefoldMessages>> = {
  en: merge('en'),
  es: merge('es'),
  fr: merge('fr'),
  de: merge('de'),
  ja: merge('ja'),
};

/** True for a locale the library ships. */
export function isShippedLocale(value: string): value is RefoldLocale {
  return Object.hasOwn(catalogs, value);
}

/** The catalog for `locale` (`es-MX` falls back to `es`, unknown ones to English) with `overrides` on top. */
export function resolveMessages(
  locale: string | undefined,
  overrides?: Partial<RefoldMessages>,
): RefoldMessages {
  const language = (locale ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  const base = isShippedLocale(language) ? catalogs[language] : catalogs.en;
  return overrides ? { ...base, ...overrides } : base;
}
