import { useCallback, useEffect, useRef } from 'react';

/**
 * Returns a function that gives an `AbortSignal` aborted when the component unmounts, so a mutation's
 * request stops with it. Safe under strict mode's mount–unmount–mount.
 * @internal
 */
export function useUnmountSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    return () => {
      controller.current?.abort();
      controller.current = null;
    };
  }, []);
  return useCallback(() => {
    controller.current ??= new AbortController();
    return controller.current.signal;
  }, []);
}
