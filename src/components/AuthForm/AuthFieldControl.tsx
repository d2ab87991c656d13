import { useEffect, useRef, useState } from 'react';
import type { AuthValues } from '../../core/client.js';
import type { AuthField, FieldOption } from '../../core/types.js';
import { CheckboxList } from '../shared/CheckboxList.js';
import { cx } from '../shared/cx.js';
import { FieldLayout } from '../shared/FieldLayout.js';
import { useMessages } from '../shared/useMessages.js';

type Value = AuthValues[string];

/** Props of {@link AuthFieldControl}. @internal */
export interface AuthFieldControlProps {
  /** The field as the server describes it. */
  field: AuthField;
  /** Id of the control (of the group, for a multi-select), for the label and for focusing it. */
  id: string;
  /** Current value. */
  value: Value | undefined;
  /** Message to show under the field, when it is invalid. */
  error: string | undefined;
  /** Called with the new value. */
  onChange: (value: Value) => void;
  /** Extra class of the field's wrapper. */
  className?: string;
}

const text = (value: Value | undefined): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const INPUT_TYPES: Record<string, string> = { url: 'url', email: 'email' };

/** One server-described auth field: label, control, help text and error, tied together for AT. @internal */
export function AuthFieldControl({ field, id, value, error, onChange, className }: AuthFieldControlProps) {
  const { t } = useMessages('AuthForm');
  // An option whose value is `null` means "no value": it names the empty choice and is never sent.
  const options = field.options?.filter((option) => option.value !== null);
  const multiple = options !== undefined && field.multiple === true;
  return (
    <FieldLayout
      id={id}
      type={multiple ? 'multi-select' : options ? 'select' : field.type}
      group={multiple}
      inline={field.type === 'checkbox' && !options}
      labelClassName="refold-auth-form__option"
      label={field.label}
      required={field.required}
      requiredText={t('authForm.required')}
      help={field.help_text}
      error={error}
      className={cx('refold-auth-form__field', multiple && 'refold-auth-form__group', className)}
    >
      {(describedBy) => (
        <AuthControl
          field={field}
          id={id}
          value={value}
          options={options}
          invalid={error !== undefined}
          describedBy={describedBy}
          onChange={onChange}
        />
      )}
    </FieldLayout>
  );
}

interface AuthControlProps extends Pick<AuthFieldControlProps, 'field' | 'id' | 'value' | 'onChange'> {
  /** The choices (without the "no value" one), if the field offers any. */
  options: FieldOption[] | undefined;
  invalid: boolean;
  describedBy: string | undefined;
}

/** The input(s) of one auth field, by its type. */
function AuthControl({ field, id, value, options, invalid, describedBy, onChange }: AuthControlProps) {
  const { t } = useMessages('AuthForm');
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    required: field.required,
    autoComplete: 'off',
  } as const;

  if (options && field.multiple) {
    return (
      <CheckboxList
        id={id}
        choices={options.map((option) => ({
          key: String(option.value),
          label: option.name ?? String(option.value),
        }))}
        selected={Array.isArray(value) ? value : []}
        onChange={onChange}
        invalid={invalid}
        className="refold-auth-form__option"
      />
    );
  }
  if (field.type === 'checkbox' && !options) {
    return (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  }
  if (options) {
    const noValue = field.options?.find((option) => option.value === null)?.name;
    return (
      <select
        {...common}
        className="refold-input"
        value={value === undefined ? '' : String(value)}
        onChange={(event) =>
          onChange(options.find((option) => String(option.value) === event.target.value)?.value ?? '')
        }
      >
        <option value="">{noValue || field.placeholder || t('authForm.choose')}</option>
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.name ?? String(option.value)}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'textarea') {
    return (
      <textarea
        {...common}
        className="refold-input"
        rows={3}
        placeholder={field.placeholder}
        value={text(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  if (field.type === 'password') {
    return <SecretInput {...common} field={field} value={value} onChange={onChange} />;
  }
  return (
    <input
      {...common}
      className="refold-input"
      type={INPUT_TYPES[field.type] ?? 'text'}
      inputMode={field.type === 'number' ? 'decimal' : undefined}
      placeholder={field.placeholder}
      value={text(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

interface SecretInputProps {
  id: string;
  field: AuthField;
  value: Value | undefined;
  onChange: (value: Value) => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
  autoComplete: 'off';
}

/**
 * A secret with a Show button. It stays uncontrolled: never prefilled by the server, never mirrored into a
 * `value` attribute.
 */
function SecretInput({ field, value, onChange, ...common }: SecretInputProps) {
  const { t } = useMessages('AuthForm');
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  // A secret typed earlier in this session (the form was collapsed, then opened again) is put back through
  // the DOM property, never through a `value` attribute.
  useEffect(() => {
    const input = ref.current;
    if (input && input.value === '' && typeof value === 'string') input.value = value;
    // Only on mount: afterwards the input itself holds what the user types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="refold-auth-form__secret">
      <input
        {...common}
        ref={ref}
        className="refold-input"
        type={shown ? 'text' : 'password'}
        spellCheck={false}
        placeholder={field.placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
      <button
        type="button"
        className="refold-button"
        data-variant="secondary"
        aria-pressed={shown}
        aria-controls={common.id}
        aria-label={t('authForm.showSecret', { label: field.label })}
        onClick={() => setShown(!shown)}
      >
        {t('authForm.show')}
      </button>
    </div>
  );
}
