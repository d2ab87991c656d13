import type { MockRefold } from '../../src/testing/mock-refold/index.js';

/** Two Slack workspaces of the story's customer: one working, one expired. */
export function twoSlackAccounts(mock: MockRefold, id: string): void {
  const account = mock.account(id);
  account.connect('slack', { identifier: 'work@acme.example', connectionId: 'conn_work' });
  account.connect('slack', { identifier: 'home@acme.example', connectionId: 'conn_home', status: 'expired' });
}
