import type { ConfigField, FieldOption } from '../../core/types.js';
import { hasValue } from '../../react/queries.js';
import { useMessages } from '../shared/useMessages.js';
import { Options } from './Options.js';
import { mapRows, optionKey, optionValue } from './values.js';
import type { FormValue } from './values.js';

/** Props of {@link MapRows}. @internal */
export interface MapRowsProps {
  field: ConfigField;
  id: string;
  value: Record<string, unknown>;
  options: readonly FieldOption[] | undefined;
  invalid: boolean;
  disabled: boolean | undefined;
  onChange: (value: FormValue) => void;
}

/**
 * One row per left-hand key: a select of the right-hand choices, or a multi-select where a key takes
 * several values. Only the row changed is replaced; every other stored row stays exactly as it was.
 */
export function MapRows({ field, id, value, options, invalid, disabled, onChange }: MapRowsProps) {
  const { t } = useMessages('ConfigForm');
  const { rows, targets } = mapRows(field, value, options);
  const setRow = (key: string, row: unknown) => {
    const { [key]: _old, ...rest } = value;
    onChange(row === undefined ? rest : { ...rest, [key]: row });
  };
  return rows.map((row, i) => {
    const stored = value[row.key];
    const common = {
      id: `${id}-${i}`,
      className: 'refold-input',
      'aria-invalid': invalid || undefined,
      disabled,
    };
    if (row.multiple) {
      const keys = (Array.isArray(stored) ? stored : hasValue(stored) ? [stored] : []).map(optionKey);
      return (
        <div key={row.key} className="refold-config-form__row">
          <label htmlFor={common.id}>{row.name}</label>
          <select
            {...common}
            multiple
            value={keys}
            onChange={(e) => {
              const chosen = [...e.target.selectedOptions].map((o) => optionValue(targets, o.value));
              setRow(row.key, chosen.length > 0 ? chosen : undefined);
            }}
          >
            <Options options={targets} value={keys} />
          </select>
        </div>
      );
    }
    const key = optionKey(stored);
    return (
      <div key={row.key} className="refold-config-form__row">
        <label htmlFor={common.id}>{row.name}</label>
        <select
          {...common}
          value={key}
          onChange={(e) =>
            setRow(row.key, e.target.value === '' ? undefined : optionValue(targets, e.target.value))
          }
        >
          <Options options={targets} value={key} placeholder={t('configForm.notMapped')} />
        </select>
      </div>
    );
  });
}
