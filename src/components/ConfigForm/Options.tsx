import type { FieldOption } from '../../core/types.js';

/** Options of a select; the current value stays listed even when the options do not (yet) hold it. @internal */
export function Options({
  options = [],
  value,
  placeholder,
}: {
  options?: readonly FieldOption[] | undefined;
  value: string;
  placeholder: string;
}) {
  const missing = value !== '' && !options.some((o) => String(o.value) === value);
  const list: readonly FieldOption[] = missing ? [...options, { value }] : options;
  return (
    <>
      <option value="">{placeholder}</option>
      {list.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.name ?? String(o.value)}
        </option>
      ))}
    </>
  );
}
