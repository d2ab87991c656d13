import { en } from './en.js';
import type { RefoldMessages } from './en.js';

/** Catalogs by language. English is the fallback for every missing key. */
const catalogs: Readonly<Record<string, Partial<RefoldMessages>>> = { en };

/** The catalog for `locale` (`es-MX` falls back to `es`, then English) with `overrides` on top. */
export function resolveMessages(
  locale: string | undefined,
  overrides: Partial<RefoldMessages> | undefined,
): RefoldMessages {
  const language = locale?.toLowerCase().split('-')[0] ?? 'en';
  return { ...en, ...(catalogs[locale ?? ''] ?? catalogs[language]), ...overrides };
}
