import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** Props of {@link FieldLayout}. @internal */
export interface FieldLayoutProps {
  /**
   * Id of the control the label names, or of the `<fieldset>` of a group. The notes get `${id}-hint`,
   * `${id}-help` and `${id}-error`.
   */
  id: string;
  /** The field's label (server text, shown as text). */
  label: string;
  /** Shows the required mark (and, in a group's legend, `requiredText` for assistive technology). */
  required?: boolean | undefined;
  /** "required" in the user's language, read out in a group's legend. */
  requiredText: string;
  /** A control of several inputs (checkbox list, mapping, rules): a `<fieldset>` with a `<legend>`. */
  group?: boolean;
  /** The label wraps the control, after it (a lone checkbox). */
  inline?: boolean;
  /** Extra class of the `<label>` of an inline field. */
  labelClassName?: string;
  /** The field's type, in `data-type`. */
  type: string;
  /** A short state note under the control (e.g. "Loading options…"). */
  hint?: string | undefined;
  /** The field's help text from the server. */
  help?: string | undefined;
  /** What is wrong with the value; marks the field `data-invalid`. */
  error?: string | undefined;
  /** More content after the help text (e.g. an error with a retry). */
  extra?: ReactNode;
  /** Class of the wrapper (besides `refold-field`). */
  className?: string | undefined;
  /**
   * The control, given the ids of the notes for its `aria-describedby` (`undefined` for a group: the
   * fieldset carries them).
   */
  children: (describedBy: string | undefined) => ReactNode;
}

/**
 * The one layout of a form field, shared by `AuthForm` and `ConfigForm`: label (or legend) with the
 * required mark, the control, then hint, help text, extra content and error, all tied to the control for
 * assistive technology. @internal
 */
export function FieldLayout(props: FieldLayoutProps) {
  const { id, label, required, requiredText, group, inline, type, hint, help, error, extra } = props;
  const describedBy = cx(hint && `${id}-hint`, help && `${id}-help`, error && `${id}-error`) || undefined;
  const mark = required && (
    <span className="refold-field__required" aria-hidden="true">
      *
    </span>
  );
  const notes = (
    <>
      {hint && (
        <p id={`${id}-hint`} className="refold-help">
          {hint}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="refold-help">
          {help}
        </p>
      )}
      {extra}
      {error && (
        <p id={`${id}-error`} className="refold-field-error">
          {error}
        </p>
      )}
    </>
  );
  const common = {
    className: cx('refold-field', props.className),
    'data-type': type,
    'data-invalid': error ? '' : undefined,
  };
  if (group) {
    return (
      <fieldset id={id} aria-describedby={describedBy} {...common}>
        <legend className="refold-label">
          {label}
          {mark}
          {required && <span className="refold-visually-hidden">{requiredText}</span>}
        </legend>
        {props.children(undefined)}
        {notes}
      </fieldset>
    );
  }
  return (
    <div {...common}>
      {inline ? (
        <label className={cx('refold-label', props.labelClassName)}>
          {props.children(describedBy)}
          {label}
          {mark}
        </label>
      ) : (
        <>
          <label className="refold-label" htmlFor={id}>
            {label}
            {mark}
          </label>
          {props.children(describedBy)}
        </>
      )}
      {notes}
    </div>
  );
}
