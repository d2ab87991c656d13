/** One choice of a {@link CheckboxList}. @internal */
export interface CheckboxChoice {
  /** The value kept in the list when checked. */
  key: string;
  /** What the user reads. */
  label: string;
}

/** Props of {@link CheckboxList}. @internal */
export interface CheckboxListProps {
  /** The group's id: the checkboxes get `${id}-0`, `${id}-1` … */
  id: string;
  /** The choices, in order. */
  choices: readonly CheckboxChoice[];
  /** Keys checked now. */
  selected: readonly string[];
  /** Called with the keys checked after a change (in the order they were checked). */
  onChange: (selected: string[]) => void;
  /** Marks every checkbox invalid. */
  invalid?: boolean | undefined;
  /** No change possible. */
  disabled?: boolean | undefined;
  /** Class of each `<label>`. */
  className: string;
}

/** A multi-select as a list of labelled checkboxes, for a group's `<fieldset>`. @internal */
export function CheckboxList({
  id,
  choices,
  selected,
  onChange,
  invalid,
  disabled,
  className,
}: CheckboxListProps) {
  return choices.map((choice, index) => (
    <label key={choice.key} className={className}>
      <input
        type="checkbox"
        id={`${id}-${index}`}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        checked={selected.includes(choice.key)}
        onChange={(event) =>
          onChange(
            event.target.checked ? [...selected, choice.key] : selected.filter((key) => key !== choice.key),
          )
        }
      />
      {choice.label}
    </label>
  ));
}
