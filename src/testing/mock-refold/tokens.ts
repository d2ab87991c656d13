/**
 * JWT-shaped session tokens of the mock. The signature is random bytes: the mock looks every token up in its
 * own table, so nothing verifies it cryptographically.
 *
 * @module
 */

/** Claims in the payload of a mock session token. */
export interface MockTokenClaims {
  /** Org id. */
  org_id: string;
  /** The linked account the token is for. */
  linked_account_id: string;
  /** Always `test` (the mock has a test key). */
  environment: 'test';
  /** Issued at, seconds. */
  iat: number;
  /** Expires at, seconds. */
  exp: number;
  /** Unique id, so two tokens minted in the same second differ. */
  jti: string;
}

/** Base64url of bytes, without padding. */
export function base64UrlEncodeBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Base64url of a UTF-8 string, without padding. */
export function base64UrlEncode(text: string): string {
  return base64UrlEncodeBytes(new TextEncoder().encode(text));
}

/** Decode base64url (padding optional) to a UTF-8 string. */
export function base64UrlDecode(text: string): string {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/** `length` random bytes from the platform's CSPRNG. */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** A random opaque id (base64url of 16 bytes by default). */
export function randomId(bytes = 16): string {
  return base64UrlEncodeBytes(randomBytes(bytes));
}

/** A random lower-case hex string of `length` characters. */
export function randomHex(length: number): string {
  const bytes = randomBytes(Math.ceil(length / 2));
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out.slice(0, length);
}

/** Build a JWT-shaped token `base64url(header).base64url(payload).signature` for the claims. */
export function encodeToken(claims: MockTokenClaims): string {
  const header = base64UrlEncode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64UrlEncode(JSON.stringify(claims));
  return `${header}.${payload}.${base64UrlEncodeBytes(randomBytes(32))}`;
}
