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
