import { en } from './locales/en.js';
import type { Message, RefoldLocale } from './types.js';

/** Every message key of the library (the keys of the English catalog). */
export type MessageKey = keyof typeof en;

/** The whole catalog of one locale: every key. Pass a `Partial` of it as `messages` to override strings. */
export type RefoldMessages = Record<MessageKey, Message>;

/**
 * The locales shipped besides English, each its own module: an app downloads one only when it asks for it
 * (bundlers split these dynamic imports into chunks of their own).
 */
const loaders: Record<Exclude<RefoldLocale, 'en'>, () => Promise<RefoldMessages>> = {
  es: () => import('./locales/es.js').then((m) => m.es),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  de: () => import('./locales/de.js').then((m) => m.de),
  ja: () => import('./locales/ja.js').then((m) => m.ja),
};

/** The shipped locale for a BCP 47 tag (`es-MX` → `es`), or `undefined` when none matches. */
export function shippedLocale(locale: string | undefined): RefoldLocale | undefined {
  const language = (locale ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return language === 'en' || Object.hasOwn(loaders, language) ? (language as RefoldLocale) : undefined;
}

/** Loads the catalog of a shipped locale (English at once). */
export function loadCatalog(locale: RefoldLocale): Promise<RefoldMessages> {
  return locale === 'en' ? Promise.resolve(en) : loaders[locale]();
}

export { en };
