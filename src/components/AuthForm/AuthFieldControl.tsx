import { useEffect, useRef, useState } from 'react';
import type { AuthValues } from '../../core/client.js';
import type { AuthField } from '../../core/types.js';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';

type Value = AuthValues[string];

/** Props of {@link AuthFieldControl}. @internal */
export interface AuthFieldControlProps {
  /** The field as the server describes it. */
  field: AuthField;
  /** Id of the control (of the first checkbox of a group), for the label and for focusing it. */
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
  const [shown, setShown] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  // A secret typed earlier in this session (the form was collapsed, then opened again) is put back through
  // the DOM property, never through a `value` attribute.
  useEffect(() => {
    const input = secretRef.current;
    if (input && input.value === '' && typeof value === 'string') input.value = value;
    // Only on mount: afterwards the input itself holds what the user types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const helpId = field.help_text ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = cx(helpId, errorId) || undefined;
  const mark = field.required && (
    <span className="refold-auth-form__required" aria-hidden="true">
      *
    </span>
  );
  const notes = (
    <>
      {field.help_text && (
        <p id={helpId} className="refold-help">
          {field.help_text}
        </p>
      )}
      {error && (
        <p id={errorId} className="refold-field-error">
          {error}
        </p>
      )}
    </>
  );
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    required: field.required,
    autoComplete: 'off',
  } as const;
  const fieldClass = cx('refold-field refold-auth-form__field', className);
  // An option whose value is `null` means "no value": it names the empty choice and is never sent.
  const options = field.options?.filter((option) => option.value !== null);
  const noValue = field.options?.find((option) => option.value === null)?.name;

  if (options && field.multiple) {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className={cx(fieldClass, 'refold-auth-form__group')}
        data-type="multi-select"
        aria-describedby={describedBy}
      >
        <legend className="refold-label">
          {field.label}
          {mark}
          {field.required && <span className="refold-visually-hidden">{t('authForm.required')}</span>}
        </legend>
        {options.map((option, index) => {
          const optionValue = String(option.value);
          return (
            <label key={optionValue} className="refold-auth-form__option">
              <input
                type="checkbox"
                id={index === 0 ? id : undefined}
                aria-invalid={common['aria-invalid']}
                checked={selected.includes(optionValue)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...selected, optionValue]
                      : selected.filter((item) => item !== optionValue),
                  )
                }
              />
              {option.name ?? optionValue}
            </label>
          );
        })}
        {notes}
      </fieldset>
    );
  }

  if (field.type === 'checkbox' && !options) {
    return (
      <div className={fieldClass} data-type="checkbox">
        <label className="refold-auth-form__option refold-label">
          <input
            type="checkbox"
            {...common}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          {field.label}
          {mark}
        </label>
        {notes}
      </div>
    );
  }

  let control;
  if (options) {
    control = (
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
  } else if (field.type === 'textarea') {
    control = (
      <textarea
        {...common}
        className="refold-input"
        rows={3}
        placeholder={field.placeholder}
        value={text(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    const secret = field.type === 'password';
    const input = (
      <input
        {...common}
        className="refold-input"
        type={secret ? (shown ? 'text' : 'password') : (INPUT_TYPES[field.type] ?? 'text')}
        inputMode={field.type === 'number' ? 'decimal' : undefined}
        spellCheck={secret ? false : undefined}
        placeholder={field.placeholder}
        // A secret stays uncontrolled: never prefilled by the server, never mirrored into a `value` attribute.
        ref={secret ? secretRef : undefined}
        value={secret ? undefined : text(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
    control = secret ? (
      <div className="refold-auth-form__secret">
        {input}
        <button
          type="button"
          className="refold-button"
          data-variant="secondary"
          aria-pressed={shown}
          aria-controls={id}
          aria-label={t('authForm.showSecret', { label: field.label })}
          onClick={() => setShown(!shown)}
        >
          {t('authForm.show')}
        </button>
      </div>
    ) : (
      input
    );
  }

  return (
    <div className={fieldClass} data-type={options ? 'select' : field.type}>
      <label htmlFor={id} className="refold-label">
        {field.label}
        {mark}
      </label>
      {control}
      {notes}
    </div>
  );
}
