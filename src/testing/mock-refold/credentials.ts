/**
 * Checks of auth field values: pre-auth fields of `integrate` and key-based credentials of `save`.
 *
 * @module
 */
import type { MockApp, MockAuthField } from './types.js';

/** Result of checking auth values: the normalised values, or a 400 message. */
export type AuthValuesCheck = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function empty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function checkOne(
  field: MockAuthField,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const label = field.label;
  if (field.type === 'checkbox') {
    if (typeof value === 'boolean') return { ok: true, value };
    if (value === 'true' || value === 'on') return { ok: true, value: true };
    if (value === 'false') return { ok: true, value: false };
    return { ok: false, message: `${label} must be true or false` };
  }
  if (field.options !== undefined) {
    // A `null` option means "no value": the field is then simply left out.
    const allowed = new Set(field.options.flatMap((option) => (option.value === null ? [] : [option.value])));
    if (field.multiple === true) {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((item): item is string => typeof item === 'string' && allowed.has(item))) {
        return { ok: false, message: `${label} must be a list of: ${[...allowed].join(', ')}` };
      }
      return { ok: true, value: list };
    }
    return typeof value === 'string' && allowed.has(value)
      ? { ok: true, value }
      : { ok: false, message: `${label} must be one of: ${[...allowed].join(', ')}` };
  }
  if (field.type === 'number') {
    const number = typeof value === 'string' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number)
      ? { ok: true, value: number }
      : { ok: false, message: `${label} must be a number` };
  }
  if (typeof value !== 'string') return { ok: false, message: `${label} must be text` };
  if (field.type === 'email' && !EMAIL.test(value))
    return { ok: false, message: `${label} must be an email address` };
  if (field.type === 'url') {
    let valid = false;
    try {
      const url = new URL(value);
      valid = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      valid = false;
    }
    if (!valid) return { ok: false, message: `${label} must be an http(s) URL` };
  }
  return { ok: true, value };
}

/**
 * Check values against auth fields: every `required` field present and non-empty (the message names the
 * missing field), every given value of the right type. Unknown keys are dropped.
 */
export function checkAuthValues(
  fields: readonly MockAuthField[],
  input: Record<string, unknown>,
): AuthValuesCheck {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = input[field.name];
    if (empty(value)) {
      if (field.required) return { ok: false, message: `Missing required field: ${field.name}` };
      continue;
    }
    const check = checkOne(field, value);
    if (!check.ok) return { ok: false, message: check.message };
    values[field.name] = check.value;
  }
  return { ok: true, values };
}

/** Why the fake provider refuses these credentials, or `undefined` when it accepts them. */
export function providerRejection(app: MockApp, values: Record<string, unknown>): string | undefined {
  if (app.mock?.rejectCredentials !== undefined) return app.mock.rejectCredentials;
  for (const rule of app.mock?.wrongCredentials ?? []) {
    if (values[rule.field] === rule.value) return rule.reason;
  }
  return undefined;
}

const hasFields = (fields: MockAuthField[] | undefined): fields is MockAuthField[] =>
  Array.isArray(fields) && fields.length > 0;

/**
 * The pre-auth fields of an app that offers OAuth, else `undefined`. An empty `oauth2` list offers OAuth
 * only when no other auth type has fields (`{ keybased: [...], oauth2: [] }` is key-based only).
 */
export function oauthFields(app: MockApp): MockAuthField[] | undefined {
  const { oauth2, ...others } = app.auth_type_options;
  if (oauth2 === undefined) return undefined;
  if (oauth2.length === 0 && Object.values(others).some(hasFields)) return undefined;
  return oauth2;
}

/** One way to save credentials: `keybased` or a connector sub-type, with its fields. */
export interface CredentialStyle {
  /** `keybased`, or the sub-type that `save` requires as `auth_type` (and that the connection records). */
  authType: string;
  /** Fields to fill (none for `noauth`). */
  fields: MockAuthField[];
}

/**
 * The credential styles an app offers, in order: its `keybased` list (saved as the app's `auth_type` when
 * that names a sub-type) and every sub-type list. Empty lists count only for `noauth`, or when the app has
 * no list with fields at all.
 */
export function credentialStyles(app: MockApp): CredentialStyle[] {
  const lists = Object.entries(app.auth_type_options).filter(
    (entry): entry is [string, MockAuthField[]] => entry[0] !== 'oauth2' && Array.isArray(entry[1]),
  );
  const anyFields = Object.values(app.auth_type_options).some(hasFields);
  const subType = app.auth_type !== undefined && !['oauth2', 'keybased'].includes(app.auth_type);
  return lists
    .filter(([name, fields]) => hasFields(fields) || name === 'noauth' || !anyFields)
    .map(([name, fields]) => ({
      authType: name === 'keybased' && subType ? (app.auth_type ?? name) : name,
      fields,
    }));
}

/**
 * The identifier of a key-based connection: an email, else a text field, else a generic label; none for an
 * app whose credentials have no fields (`noauth`).
 */
export function keybasedIdentifier(
  app: MockApp,
  fields: readonly MockAuthField[],
  values: Record<string, unknown>,
): string | undefined {
  if (fields.length === 0) return undefined;
  const pick = (types: string[]): string | undefined => {
    for (const field of fields) {
      const value = values[field.name];
      if (
        types.includes(field.type) &&
        field.options === undefined &&
        typeof value === 'string' &&
        value !== ''
      ) {
        return value;
      }
    }
    return undefined;
  };
  return pick(['email']) ?? pick(['text', 'url']) ?? `${app.name} API key`;
}
