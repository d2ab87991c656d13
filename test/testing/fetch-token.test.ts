import { describe, expect, it } from 'vitest';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import type { MockFetchToken } from '../../src/testing/fetch-token.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';

/** The customer a minted JWT is for. */
function customerOf(token: string): unknown {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    linked_account_id?: unknown;
  };
  return payload.linked_account_id;
}

/** Calls `fetchToken` as the library would, and tells whether it settled yet. */
function call(fetchToken: MockFetchToken, signal = new AbortController().signal) {
  const state = { settled: false };
  const promise = Promise.resolve(fetchToken({ signal, reason: 'initial' })).finally(() => {
    state.settled = true;
  });
  return { promise, state };
}

describe('createMockFetchToken', () => {
  it('mints a session token for the customer, as a backend would, and counts its calls', async () => {
    const mock = createMockRefold();
    const fetchToken = createMockFetchToken(mock);
    const answer = await fetchToken({ signal: new AbortController().signal, reason: 'initial' });
    const token = typeof answer === 'string' ? answer : answer.token;
    expect(customerOf(token)).toBe('test-customer');
    const other = createMockFetchToken(mock, { linkedAccountId: 'customer-b' });
    const second = await other({ signal: new AbortController().signal, reason: 'expired' });
    expect(customerOf(typeof second === 'string' ? second : second.token)).toBe('customer-b');
    expect(fetchToken.calls).toBe(1);
    expect(other.calls).toBe(1);
  });

  it('holds the next call until released, and lets the others through', async () => {
    const fetchToken = createMockFetchToken(createMockRefold());
    const held = fetchToken.hold();
    const first = call(fetchToken);
    await held.arrived;
    await expect(call(fetchToken).promise).resolves.toMatchObject({ token: expect.any(String) });
    expect(first.state.settled).toBe(false);
    held.release();
    await expect(first.promise).resolves.toMatchObject({ token: expect.any(String) });
    expect(fetchToken.calls).toBe(2);
  });

  it('releasing a hold before any call lets the next call through', async () => {
    const fetchToken = createMockFetchToken(createMockRefold());
    fetchToken.hold().release();
    await expect(call(fetchToken).promise).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('rejects a held call with the signal’s reason once it aborts', async () => {
    const fetchToken = createMockFetchToken(createMockRefold());
    const held = fetchToken.hold();
    const controller = new AbortController();
    const pending = call(fetchToken, controller.signal);
    await held.arrived;
    const reason = new Error('customer changed');
    controller.abort(reason);
    await expect(pending.promise).rejects.toBe(reason);
  });

  it('fails every call with the given error, as a broken backend would', async () => {
    const fetchToken = createMockFetchToken(createMockRefold(), { error: 'backend down' });
    await expect(call(fetchToken).promise).rejects.toThrow('backend down');
    const failing = new TypeError('fetch failed');
    await expect(call(createMockFetchToken(createMockRefold(), { error: failing })).promise).rejects.toBe(
      failing,
    );
  });
});
