/**
 * Health at a glance: for each connected app, its last run (from one page of executions for all of them)
 * and whether it needs the customer's attention.
 *
 * @module
 */
import { connectionOf, connectionsOf } from './connections.js';
import type { Application, Execution } from './types.js';

/** The health of one app's connections. */
export interface AppHealth {
  /** The app's latest run among those read, if any. */
  lastRun: Execution | undefined;
  /**
   * True when the customer should act: a connection expired or in a state the library does not know, or
   * the last run failed (`ERRORED`, `TIMED_OUT`).
   */
  needsAttention: boolean;
}

const FAILED = new Set(['ERRORED', 'TIMED_OUT']);

/** True when the app has a connection, working or not (the apps whose health means something). */
export function hasConnection(app: Application): boolean {
  return connectionOf(app).state !== 'disconnected';
}

/**
 * The health of every connected app of `apps`, by slug, from `runs` (any order; e.g. one page of
 * executions filtered by those apps' slugs). A run belongs to the app whose `app_id` or name its
 * `associated_application` names.
 *
 * @example
 * const health = healthBySlug(apps, page.docs);
 * health.get('slack')?.needsAttention;
 */
export function healthBySlug(
  apps: readonly Application[],
  runs: readonly Execution[],
): Map<string, AppHealth> {
  const health = new Map<string, AppHealth>();
  for (const app of apps) {
    if (!hasConnection(app)) continue;
    const lastRun = latest(runs.filter((run) => runOf(run, app)));
    const attention =
      connectionsOf(app).some((c) => c.needsAttention) ||
      connectionOf(app).state !== 'connected' ||
      (lastRun !== undefined && FAILED.has(String(lastRun.status).toUpperCase()));
    health.set(app.slug, { lastRun, needsAttention: attention });
  }
  return health;
}

function runOf(run: Execution, app: Application): boolean {
  const owner = run.associated_application;
  if (!owner) return false;
  return (owner._id !== undefined && owner._id !== '' && owner._id === app.app_id) || owner.name === app.name;
}

function latest(runs: readonly Execution[]): Execution | undefined {
  let found: Execution | undefined;
  let time = -Infinity;
  for (const run of runs) {
    const at = run.createdAt === undefined ? NaN : Date.parse(run.createdAt);
    // Runs without a date count as older than any dated one; among equals, the first (the server's order).
    const t = Number.isFinite(at) ? at : -Infinity;
    if (found === undefined || t > time) {
      found = run;
      time = t;
    }
  }
  return found;
}
