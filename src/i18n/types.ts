/** A message with plural forms, chosen with `Intl.PluralRules` from the `count` parameter. */
export interface PluralMessage {
  /** Used for a count of zero when given (whatever the language's rules say). */
  zero?: string;
  /** CLDR plural category `one`. */
  one?: string;
  /** CLDR plural category `two`. */
  two?: string;
  /** CLDR plural category `few`. */
  few?: string;
  /** CLDR plural category `many`. */
  many?: string;
  /** Everything else (required). */
  other: string;
}

/** One message: text with `{name}` placeholders, or plural forms of such text. */
export type Message = string | PluralMessage;

/** The locales shipped with the library. */
export type RefoldLocale = 'en' | 'es' | 'fr' | 'de' | 'ja';

/**
 * A section of the catalog: English keys, and the same keys in every shipped locale (checked by the
 * compiler, so a translation can never be missing).
 */
export type MessageSection<Keys extends string> = { en: Record<Keys, Message> } & {
  [L in Exclude<RefoldLocale, 'en'>]: Record<Keys, Message>;
};

/** Declares a section; the type parameter is inferred from the English keys. */
export function defineMessages<Keys extends string>(section: MessageSection<Keys>): MessageSection<Keys> {
  return section;
}
