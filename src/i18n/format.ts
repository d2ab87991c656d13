import type { Message } from './types.js';

/** Parameters of a message: `{name}` placeholders; `count` also picks the plural form. */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Formats one message: picks the plural form for `params.count` and fills `{name}` placeholders (numbers
 * formatted for the locale). Unknown placeholders stay as they are, so a missing parameter is visible.
 */
export function formatMessage(message: Message, locale: string, params?: MessageParams): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof params?.count === 'number' ? params.count : Number.NaN;
    text = (count === 0 ? message.zero : undefined) ?? message[plural(locale, count)] ?? message.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** "3 minutes ago", "in 2 days" … for a date, in the locale. */
export function formatRelativeTime(
  date: Date | string | number,
  locale: string,
  now: number = Date.now(),
): string {
  const then = new Date(date).getTime();
  if (!Number.isFinite(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A full date and time for tooltips and `<time title>`, in the locale. */
export function formatDateTime(date: Date | string | number, locale: string): string {
  const value = new Date(date);
  if (!Number.isFinite(value.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(value);
}
