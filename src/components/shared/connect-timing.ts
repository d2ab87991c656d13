import type { ConnectTiming } from '../../core/connect.js';

/** Every timing option of a connect flow (the type fails to compile when one is missing). */
const TIMING_OPTIONS: Record<keyof ConnectTiming, true> = {
  timeoutMs: true,
  graceMs: true,
  fastPollMs: true,
  fastWindowMs: true,
  slowPollMs: true,
  trustClosedAfterMs: true,
  maxPollFailures: true,
};

/**
 * Splits a component's props into the connect flow's timing options (for `useConnect`) and the rest (for
 * the root element, which must never receive them). @internal
 */
export function splitTiming<Props extends ConnectTiming>(
  props: Props,
): [timing: ConnectTiming, rest: Omit<Props, keyof ConnectTiming>] {
  const timing: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    (Object.hasOwn(TIMING_OPTIONS, key) ? timing : rest)[key] = value;
  }
  return [timing as ConnectTiming, rest as Omit<Props, keyof ConnectTiming>];
}
