/**
 * Focuses the field whose control (or group) has the id `id`: the control itself, else the first control
 * inside the group. @internal
 */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  const control = target?.matches('input, select, textarea, button')
    ? target
    : target?.querySelector<HTMLElement>('input, select, textarea, button');
  control?.focus();
}
