import type { FieldOption } from '../../core/types.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';
import { NULL_KEY, optionKey } from './values.js';

/** The text of an option: its name, else its value ("(none)" for `null`). @internal */
export function optionText(option: FieldOption, t: Translator['t']): string {
  return option.name ?? (option.value === null ? t('configForm.noValue') : String(option.value));
}

/**
 * Options of a select, keyed with {@link optionKey} (so a `null` option is a choice like any other). The
 * current value stays listed even when the options do not (yet) hold it. `placeholder` is the empty choice
 * of a single select. @internal
 */
export function Options({
  options = [],
  value,
  placeholder,
}: {
  options?: readonly FieldOption[] | undefined;
  value: string | readonly string[];
  placeholder?: string;
}) {
  const { t } = useMessages('ConfigForm');
  const chosen = typeof value === 'string' ? [value] : value;
  const missing = chosen.filter((key) => key !== '' && !options.some((o) => optionKey(o.value) === key));
  const list: readonly FieldOption[] = [
    ...options,
    ...missing.map((key) => ({ value: key === NULL_KEY ? null : key })),
  ];
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {list.map((o) => (
        <option key={optionKey(o.value)} value={optionKey(o.value)}>
          {optionText(o, t)}
        </option>
      ))}
    </>
  );
}
