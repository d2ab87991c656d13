import { useState } from 'react';

/** What {@link useControllableState} takes. @internal */
export interface ControllableStateOptions<T> {
  /** The value the owner controls; `undefined` leaves the value to the component. */
  value: T | undefined;
  /** The component's starting value while uncontrolled. */
  defaultValue: T;
  /** Told of every change the component asks for, controlled or not (not of a value set to itself). */
  onChange?: ((value: T) => void) | undefined;
}

/**
 * A value that the owner may control (`open` + `onOpenChange`) or leave to the component (`defaultOpen`),
 * the one way every component of the library does it. Returns the current value, a setter, and whether
 * the owner controls it. @internal
 *
 * @example
 * const [open, setOpen] = useControllableState({ value: props.open, defaultValue: props.defaultOpen ?? false, onChange: props.onOpenChange });
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
}: ControllableStateOptions<T>): [value: T, setValue: (next: T) => void, controlled: boolean] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const setValue = (next: T) => {
    if (!controlled) setOwn(next);
    if (!Object.is(next, current)) onChange?.(next);
  };
  return [current, setValue, controlled];
}
