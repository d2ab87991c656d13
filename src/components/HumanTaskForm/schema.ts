/**
 * Reads a human task's form: its JSON Schema (`form_structure`: an object schema) and UI hints
 * (`ui_structure`: `ui:order`, and per field `ui:widget`, `ui:help`, `ui:readonly`, `ui:placeholder`), into
 * a list of fields to render. What the schema does not say is left to the defaults. @internal
 *
 * @module
 */
import { isDict as isRecord } from '../../core/validate.js';

/** How a field is edited. @internal */
export type TaskFieldKind =
  'text' | 'textarea' | 'number' | 'integer' | 'checkbox' | 'select' | 'radio' | 'json';

/** One field of a task's form. @internal */
export interface TaskField {
  key: string;
  label: string;
  kind: TaskFieldKind;
  /** `email`, `url`, `date` … for a text field's input type. */
  inputType: string;
  required: boolean;
  readOnly: boolean;
  help?: string;
  placeholder?: string;
  options: readonly unknown[];
  initial: unknown;
}

const INPUT_TYPES: Record<string, string> = {
  email: 'email',
  uri: 'url',
  date: 'date',
  'date-time': 'datetime-local',
};

/** The fields of a task's form, in `ui:order` (a `*` stands for the fields it does not name). @internal */
export function taskFields(
  schema: Record<string, unknown>,
  ui: Record<string, unknown> | undefined,
  data: Record<string, unknown> | undefined,
): TaskField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const keys = Object.keys(properties);
  const order = Array.isArray(ui?.['ui:order']) ? ui['ui:order'].map(String) : [];
  const named = order.filter((key) => key !== '*' && keys.includes(key));
  const rest = keys.filter((key) => !named.includes(key));
  const star = order.indexOf('*');
  const ordered =
    star === -1 ? [...named, ...rest] : [...named.slice(0, star), ...rest, ...named.slice(star)];
  return ordered.map((key) => {
    const property = isRecord(properties[key]) ? properties[key] : {};
    const hints = isRecord(ui?.[key]) ? ui[key] : {};
    const widget = typeof hints['ui:widget'] === 'string' ? hints['ui:widget'] : undefined;
    const type = property.type;
    const options = Array.isArray(property.enum) ? property.enum : [];
    let kind: TaskFieldKind = 'json';
    if (options.length > 0) kind = widget === 'radio' ? 'radio' : 'select';
    else if (type === 'string') kind = widget === 'textarea' ? 'textarea' : 'text';
    else if (type === 'number' || type === 'integer') kind = type;
    else if (type === 'boolean') kind = 'checkbox';
    const help = [property.description, hints['ui:help']].filter((text) => typeof text === 'string' && text);
    const value = data?.[key] ?? property.default;
    return {
      key,
      label: typeof property.title === 'string' && property.title ? property.title : key,
      kind,
      inputType: (typeof property.format === 'string' && INPUT_TYPES[property.format]) || 'text',
      required: required.has(key),
      readOnly: property.readOnly === true || hints['ui:readonly'] === true || hints['ui:disabled'] === true,
      help: help.length > 0 ? help.join(' ') : undefined,
      placeholder: typeof hints['ui:placeholder'] === 'string' ? hints['ui:placeholder'] : undefined,
      options,
      initial: value,
    };
  });
}

/** A field's value as the form edits it: text for inputs, a boolean for a checkbox. @internal */
export function editable(field: TaskField): string | boolean {
  if (field.kind === 'checkbox') return field.initial === true;
  if (field.initial === undefined || field.initial === null) return '';
  if (field.kind === 'json') return JSON.stringify(field.initial, null, 2);
  return typeof field.initial === 'string' ? field.initial : String(field.initial);
}
