/**
 * What the per-resource method modules (`run-controls.ts`, `variables.ts`, `mcp-servers.ts`,
 * `human-tasks.ts`) share: how they send a call through the client's one transport, and the page arguments
 * of their list routes.
 *
 * @module
 */
import { pageArg } from './args.js';
import type { RequestOptions } from './client.js';
import type { RouteName, RouteParams } from './routes.js';
import type { Call } from './transport.js';
import type { Checker } from './validate.js';

/** How the client sends one call (its `go`). @internal */
export type Send = <T, R extends RouteName>(
  route: R,
  params: RouteParams<R>,
  checker: Checker<T>,
  options: RequestOptions | undefined,
  extra?: Omit<Call<T>, 'route' | 'path' | 'check' | 'signal'>,
) => Promise<T>;

/** A page of a list route. */
export interface PageParams {
  /** 1-based page. @defaultValue 1 */
  page?: number;
  /** Page size (1–100). @defaultValue 10 */
  limit?: number;
}

/** The checked `page` and `limit` query of a list route. @internal */
export function pageQuery(where: string, params: PageParams): { page?: number; limit?: number } {
  return { page: pageArg(where, 'page', params.page), limit: pageArg(where, 'limit', params.limit, 100) };
}
