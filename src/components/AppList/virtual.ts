import type { Application } from '../../core/types.js';

/** The largest spacer piece, as a power of two (its CSS rule exists up to this bit). */
const MAX_BIT = 11;

/**
 * The spacer pieces that stand for `rows` rows: one piece per set bit (2^bit rows each, sized by CSS), so the
 * list needs no inline style. Above 2^12 rows, repeats the largest piece.
 */
export function spacerBits(rows: number): number[] {
  const bits: number[] = [];
  let rest = rows;
  for (; rest >= 2 ** (MAX_BIT + 1); rest -= 2 ** MAX_BIT) bits.push(MAX_BIT);
  for (let bit = MAX_BIT; bit >= 0; bit--) if (rest & (2 ** bit)) bits.push(bit);
  return bits;
}

/**
 * Type-ahead: the index of the next app after `current` whose name starts with `typed` (wrapping around), or
 * -1. Typing one letter again and again cycles through the names that start with it; a longer prefix may
 * stay on the current app.
 */
export function findByPrefix(apps: readonly Application[], typed: string, current: number): number {
  const prefix = typed.toLocaleLowerCase();
  const first = prefix.charAt(0);
  const cycling = [...prefix].every((c) => c === first);
  const needle = cycling ? first : prefix;
  const start = cycling ? current + 1 : current;
  for (let i = 0; i < apps.length; i++) {
    const index = (start + i) % apps.length;
    if (apps[index]?.name.toLocaleLowerCase().startsWith(needle)) return index;
  }
  return -1;
}
