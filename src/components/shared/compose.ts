/**
 * One handler that runs the user's handler first, then the component's own unless the user's called
 * `event.preventDefault()`: a user's `onSubmit`, `onKeyDown` … adds to the component's behaviour, and may
 * opt out of it for one event. @internal
 *
 * @example
 * <form {...rest} onSubmit={composeEventHandlers(rest.onSubmit, submit)} />
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
