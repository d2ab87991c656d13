import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RefoldError } from '../core/errors.js';
import { hasConnection, healthBySlug } from '../core/health.js';
import type { AppHealth } from '../core/health.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';
import { useApplications } from './useApplications.js';

/** Options of {@link useConnectionHealth}. */
export interface UseConnectionHealthOptions extends Omit<RefoldQueryOptions, 'refetchInterval'> {
  /** How many recent runs to read (one page, 1–100). @defaultValue 100 */
  limit?: number;
}

/** What {@link useConnectionHealth} returns. */
export interface UseConnectionHealthResult {
  /**
   * The health of each app the customer has a connection to, by slug: its last run and whether it needs
   * attention. Until the runs are read, apps show their connection state alone (no `lastRun`).
   */
  health: ReadonlyMap<string, AppHealth>;
  /** True while the runs are read for the first time. */
  isPending: boolean;
  /** Why the runs could not be read (the connection states still show). */
  error: RefoldError | null;
}

/**
 * Health at a glance for every connected app: the last run's status and time, and whether the app needs
 * attention (a connection expired, or the last run failed). One request for the whole catalog — a page of
 * executions filtered by the connected apps' slugs — never one per app. Reads the cached app list.
 *
 * @example
 * const { health } = useConnectionHealth();
 * health.get('slack')?.lastRun?.status; // 'ERRORED'
 */
export function useConnectionHealth(options: UseConnectionHealthOptions = {}): UseConnectionHealthResult {
  const context = useRefoldContext('useConnectionHealth');
  const { limit = 100, enabled, staleTime } = options;
  const { data: apps } = useApplications({ enabled });
  const slugs = useMemo(
    () =>
      (apps ?? [])
        .filter(hasConnection)
        .map((app) => app.slug)
        .sort(),
    [apps],
  );
  const runs = useQuery(
    withQueryOptions(refoldQueries.executions(context, { slug: slugs, limit }), {
      enabled: enabled !== false && slugs.length > 0,
      staleTime,
    }),
    context.queryClient,
  );
  const docs = runs.data?.docs;
  const health = useMemo(() => healthBySlug(apps ?? [], docs ?? []), [apps, docs]);
  return { health, isPending: slugs.length > 0 && runs.isPending, error: runs.error };
}
