/** Which connection of an app a config hook acts on, for an app with several connections. */
export interface ConnectionScope {
  /** `connected_accounts[].connection_id`; left out: the app as a whole (its default config). */
  connectionId?: string;
}

/** Query options every Refold query hook accepts (TanStack Query's own meaning). */
export interface RefoldQueryOptions {
  /** Set to `false` to hold the request back. @default true */
  enabled?: boolean;
  /** How long data stays fresh, in ms (a remount within it sends no request). */
  staleTime?: number;
  /** Refetch every this many ms (`false`: never). */
  refetchInterval?: number | false;
}
