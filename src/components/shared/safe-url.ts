const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

function parse(value: unknown, base?: string): URL | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // Protocol-relative ("//evil.example") and backslash tricks are refused before parsing.
  if (trimmed === '' || /^[\\/]{2}/.test(trimmed) || hasControlCharacter(trimmed)) return undefined;
  try {
    return new URL(trimmed, base);
  } catch {
    return undefined;
  }
}

function originOf(baseUrl: string | undefined): string | undefined {
  const base = parse(baseUrl);
  return base?.origin;
}

/**
 * An icon URL from the server that is safe for `<img src>`: `https:`, `data:image/(png|jpeg|gif|webp|svg+xml)`,
 * or the same origin as `baseUrl` (so a local mock can serve its own icons). Anything else gives `undefined`:
 * show a fallback instead.
 */
export function safeImageUrl(value: unknown, baseUrl?: string): string | undefined {
  if (typeof value === 'string' && DATA_IMAGE.test(value.trim())) return value.trim();
  const url = parse(value);
  if (!url) return undefined;
  if (url.protocol === 'https:' || url.origin === originOf(baseUrl)) return url.href;
  return undefined;
}

/**
 * A link URL from the server that is safe for `href`: `https:` or the `baseUrl` origin. Anything else gives
 * `undefined`: show plain text instead.
 */
export function safeLinkUrl(value: unknown, baseUrl?: string): string | undefined {
  const url = parse(value);
  if (!url) return undefined;
  if (url.protocol === 'https:' || url.origin === originOf(baseUrl)) return url.href;
  return undefined;
}

/** Up to two initials of a name, for an avatar. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s_-]+/u)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0]?.slice(0, 2)];
  return (
    letters
      .map((w) => (w ? Array.from(w)[0] : ''))
      .join('')
      .toUpperCase() || '?'
  );
}
