import { describe, expect, it } from 'vitest';
import { healthBySlug } from '../../src/core/health.js';
import type { Application, Execution } from '../../src/core/types.js';

const app = (slug: string, extra: Partial<Application> = {}): Application => ({
  app_id: `id-${slug}`,
  name: slug.toUpperCase(),
  slug,
  description: '',
  icon: '',
  ...extra,
});
const active = { identifier: 'a', connectedAt: '2026-01-01T00:00:00Z', status: 'active' };
const run = (owner: { _id?: string; name: string }, status: string, createdAt?: string): Execution =>
  ({
    _id: `${owner.name}-${createdAt}`,
    name: 'run',
    status,
    associated_application: owner,
    createdAt,
  }) as Execution;

describe('healthBySlug', () => {
  it('takes each connected app’s latest run (by date, whatever the order) and flags a failed one', () => {
    const apps = [app('slack', { connected_accounts: [active] }), app('jira')];
    const runs = [
      run({ _id: 'id-slack', name: 'SLACK' }, 'COMPLETED', '2026-01-02T00:00:00Z'),
      run({ _id: 'id-slack', name: 'SLACK' }, 'TIMED_OUT', '2026-01-03T00:00:00Z'),
      run({ _id: 'id-jira', name: 'JIRA' }, 'ERRORED', '2026-01-04T00:00:00Z'),
    ];
    const health = healthBySlug(apps, runs);
    expect([...health.keys()]).toEqual(['slack']);
    expect(health.get('slack')).toMatchObject({ needsAttention: true, lastRun: { status: 'TIMED_OUT' } });
  });

  it('matches runs by app name when the run’s app id is another id, and keeps unknown statuses neutral', () => {
    const health = healthBySlug(
      [app('slack', { connected_accounts: [active] })],
      [run({ _id: 'mongo-id', name: 'SLACK' }, 'QUEUED', '2026-01-02T00:00:00Z')],
    );
    expect(health.get('slack')).toMatchObject({ needsAttention: false, lastRun: { status: 'QUEUED' } });
  });

  it('needs attention for an expired connection even with no run, and for old servers’ reauth flag', () => {
    const health = healthBySlug(
      [
        app('slack', { connected_accounts: [{ ...active, status: 'expired' }] }),
        app('jira', { connected: true, reauth_required: true }),
      ],
      [],
    );
    expect(health.get('slack')).toEqual({ lastRun: undefined, needsAttention: true });
    expect(health.get('jira')?.needsAttention).toBe(true);
  });
});
