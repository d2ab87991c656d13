import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isConnected } from '../core/connections.js';
import type { RefoldError } from '../core/errors.js';
import type { Application } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/** Filters of {@link useApplications}; applied in the browser, with no extra request. */
export interface ApplicationFilters {
  /** Matches name, slug, description and tags, case- and accent-insensitively. */
  search?: string;
  /** Only apps with at least one of these tags. */
  tags?: readonly string[];
  /**
   * `true`: only apps with a working connection (what `ConnectionStatus` shows as connected); `false`: every
   * other app (not connected, expired, unknown).
   */
  connected?: boolean;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded text each app is searched by, built once per app object (query data is never mutated). */
const searchText = new WeakMap<Application, string>();

function searchTextOf(app: Application): string {
  let text = searchText.get(app);
  if (text === undefined) {
    text = fold([app.name, app.slug, app.description, ...(app.tags ?? [])].join(' '));
    searchText.set(app, text);
  }
  return text;
}

/** Applies {@link ApplicationFilters} to a list of apps. */
export function filterApplications(apps: readonly Application[], filters: ApplicationFilters): Application[] {
  const query = filters.search ? fold(filters.search.trim()) : '';
  const tags = filters.tags?.length ? new Set(filters.tags) : undefined;
  return apps.filter((app) => {
    if (filters.connected !== undefined && isConnected(app) !== filters.connected) return false;
    if (tags && !(app.tags ?? []).some((t) => tags.has(t))) return false;
    return !query || searchTextOf(app).includes(query);
  });
}

/**
 * The app catalog with the customer's connection status. Filters are derived with `select` from one cached
 * list, so changing them never sends a request.
 *
 * @example
 * const { data: apps, isPending, error } = useApplications({ search, tags: ['CRM'] });
 */
export function useApplications(
  filters: ApplicationFilters & RefoldQueryOptions = {},
): UseQueryResult<Application[], RefoldError> {
  const context = useRefoldContext('useApplications');
  const { search, connected } = filters;
  const tagKey = filters.tags?.join('\u0000') ?? '';
  const select = useCallback(
    (apps: Application[]) =>
      filterApplications(apps, { search, connected, tags: tagKey ? tagKey.split('\u0000') : undefined }),
    [search, connected, tagKey],
  );
  return useQuery(
    { ...withQueryOptions(refoldQueries.applications(context), filters), select },
    context.queryClient,
  );
}
