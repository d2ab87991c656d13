/** Things that look like credentials: JWTs, bearer values and long opaque strings. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const BEARER = /(bearer\s+)\S+/gi;
const LONG_OPAQUE = /\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\b/g;

/**
 * Removes anything that looks like a token or key from text the library did not write itself (messages of
 * thrown errors, server messages) before it goes into an error message.
 */
export function redact(text: string): string {
  return text.replace(JWT, '[redacted]').replace(BEARER, '$1[redacted]').replace(LONG_OPAQUE, '[redacted]');
}
