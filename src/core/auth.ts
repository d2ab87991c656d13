/**
 * How to connect an app, decided from its data: which auth type and fields to use ({@link resolveAuth}), and
 * the checks of the values typed into them before anything is sent ({@link checkAuthValues}). Pure
 * functions, shared by the connect flow (`connect.ts`) and the hooks.
 *
 * @module
 */
import type { AuthValues } from './args.js';
import type { Application, AuthField, AuthType, AuthTypeName } from './types.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How {@link resolveAuth} says to connect an app. */
export interface AuthChoice {
  /** `oauth2` (a pop-up) or `keybased` (the credentials form, for connector sub-types too). */
  authType: AuthType;
  /** The connector sub-type (`api_key`, `basic_auth`, `bearer_token`, `noauth` …) sent as `auth_type` on save. */
  subType: string | undefined;
  /** The fields to fill: pre-auth values for OAuth, credentials otherwise (may be empty). */
  fields: AuthField[];
}

const isSubType = (name: string | undefined): name is string =>
  name !== undefined && name !== '' && name !== 'oauth2' && name !== 'keybased';

/**
 * How to connect `app`: with the requested auth type when given, else with what the app offers. An empty
 * list is not an offered style (`{ keybased: [...], oauth2: [] }` is key-based), unless no list has fields
 * (`{ oauth2: [] }` alone is OAuth without pre-auth fields); `noauth` is offered even without fields. OAuth
 * wins when the app offers it with others. A connector sub-type (an `auth_type_options` key, or the app's
 * `auth_type`, other than `oauth2`/`keybased`) uses the key-based form and is sent as `auth_type`. Unknown
 * auth types are treated as sub-types. Without `auth_type_options` the deprecated `auth_type` and
 * `auth_input_map` decide; without an app, OAuth.
 */
export function resolveAuth(app: Application | undefined, requested?: AuthTypeName): AuthChoice {
  const options = app?.auth_type_options ?? {};
  const listed = Object.entries(options).flatMap(([name, fields]) => (Array.isArray(fields) ? [name] : []));
  const offered = listed.filter((name) => (options[name]?.length ?? 0) > 0 || name === 'noauth');
  const candidates = offered.length > 0 ? offered : listed;
  const appType = app?.auth_type;
  const legacy = app?.auth_input_map ?? [];
  const keyed = (name: string): AuthChoice => ({
    authType: 'keybased',
    subType: isSubType(name) ? name : isSubType(appType) ? appType : undefined,
    fields: options[name] ?? legacy,
  });
  if (requested === 'oauth2') return { authType: 'oauth2', subType: undefined, fields: options.oauth2 ?? [] };
  if (requested !== undefined && requested !== 'keybased') return keyed(requested);
  const subTypes = candidates.filter(isSubType);
  const keyBased = candidates.includes('keybased')
    ? 'keybased'
    : (subTypes.find((name) => name === appType) ?? subTypes[0]);
  if (requested === 'keybased') return keyed(keyBased ?? 'keybased');
  if (candidates.includes('oauth2'))
    return { authType: 'oauth2', subType: undefined, fields: options.oauth2 ?? [] };
  if (keyBased) return keyed(keyBased);
  if (appType === 'keybased' || isSubType(appType)) return keyed(appType);
  return { authType: 'oauth2', subType: undefined, fields: [] };
}

/**
 * Checks typed values against the app's fields: required ones must be filled (a required checkbox ticked);
 * numbers must be numeric, URLs http(s), e-mail addresses look like one.
 */
export function checkAuthValues(
  fields: readonly AuthField[],
  values: AuthValues,
): Record<string, 'required' | 'invalid'> {
  const problems: Record<string, 'required' | 'invalid'> = {};
  for (const field of fields) {
    const value = values[field.name];
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0) ||
      (field.type === 'checkbox' && value === false);
    if (empty) {
      if (field.required) problems[field.name] = 'required';
    } else if (!isValid(field.type, value)) {
      problems[field.name] = 'invalid';
    }
  }
  return problems;
}

function isValid(type: string, value: AuthValues[string]): boolean {
  if (type === 'number') return Number.isFinite(typeof value === 'number' ? value : Number(value));
  if (type === 'url') return typeof value === 'string' && isWebUrl(value.trim());
  if (type === 'email') return typeof value === 'string' && EMAIL.test(value.trim());
  return true;
}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
