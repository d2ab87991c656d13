/**
 * Redaction of text of foreign origin (server messages, messages of thrown errors) before it goes into an
 * error message: cut to a bounded length, with anything that looks like a token or key replaced.
 *
 * @module
 */
/** Longest text of foreign origin the library keeps (server messages, messages of thrown errors). */
export const MAX_FOREIGN_TEXT = 500;

/** Runs of characters a credential is made of (base64url, JWT dots), found without backtracking. */
const RUN = /[A-Za-z0-9_.-]+/g;
const BEARER = /(bearer\s+)\S+/gi;

/** True for a run that looks like a credential: a JWT, or a long string mixing letters and digits. */
function looksSecret(run: string): boolean {
  if (run.startsWith('eyJ') && run.length >= 12) return true;
  for (const part of run.split('.')) {
    if (part.length >= 32 && /\d/.test(part) && /[A-Za-z]/.test(part)) return true;
  }
  return false;
}

/**
 * Removes anything that looks like a token or key from text the library did not write itself (messages of
 * thrown errors, server messages) before it goes into an error message. The text is first cut to
 * {@link MAX_FOREIGN_TEXT} characters (a little more is read, so that a credential cut at the edge is still
 * recognised), and every step is linear in the length of what is kept.
 */
export function redact(text: string, limit: number = MAX_FOREIGN_TEXT): string {
  const head = text.length > limit + 64 ? text.slice(0, limit + 64) : text;
  const clean = head
    .replace(BEARER, '$1[redacted]')
    .replace(RUN, (run) => (looksSecret(run) ? '[redacted]' : run));
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}
