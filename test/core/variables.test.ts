import { describe, expect, it } from 'vitest';
import { RefoldApiError, RefoldArgumentError } from '../../src/core/errors.js';
import { REDACTED_VALUE } from '../../src/core/variables.js';
import { mockVariableDefinitions } from '../../src/testing/mock-refold/index.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();
const byName = (name: string) => mockVariableDefinitions.find((d) => d.name === name)!._id;
const REGION = byName('REGION');
const BATCH = byName('BATCH_SIZE');
const SECRET = byName('SIGNING_SECRET');

describe('variables over HTTP', () => {
  it('reads an unset value as null', async () => {
    const { client } = env.client();
    expect(await client.variables.get(REGION)).toBeNull();
    const request = env.dataRequests().at(-1)!;
    expect(request.path).toBe(`/api/v2/public/env/value/${REGION}`);
    expect(request.query).toEqual({});
    expect(request.headers.authorization).toMatch(/^Bearer /);
  });

  it('sets a value (upsert) and reads it back, in the list of the linked_account scope too', async () => {
    const { client } = env.client();
    const stored = await client.variables.set({ definitionId: REGION, value: 'eu-west-1' });
    expect(stored).toMatchObject({ variable_definition_id: REGION, value: 'eu-west-1', encrypted: false });
    expect(env.dataRequests().at(-1)!.body).toEqual({ variable_definition_id: REGION, value: 'eu-west-1' });
    await client.variables.set({ definitionId: REGION, value: 'us-east-1' });
    expect((await client.variables.get(REGION))?.value).toBe('us-east-1');
    const page = await client.variables.list();
    expect(env.dataRequests().at(-1)!.path).toBe('/api/v2/public/env/values/linked_account');
    expect(page.docs).toHaveLength(1);
    expect(page.docs[0]).toMatchObject({ _id: stored._id, value: 'us-east-1' });
  });

  it('sends a number as text and surfaces the format error of a wrong one', async () => {
    const { client } = env.client();
    expect((await client.variables.set({ definitionId: BATCH, value: 250 })).value).toBe('250');
    expect(env.dataRequests().at(-1)!.body).toEqual({ variable_definition_id: BATCH, value: '250' });
    const error = await client.variables.set({ definitionId: BATCH, value: 'lots' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(400);
  });

  it('never shows an encrypted value: set, read and listed, it is only "encrypted"', async () => {
    const { client } = env.client();
    expect(await client.variables.get(SECRET)).toBeNull();
    const stored = await client.variables.set({ definitionId: SECRET, value: 'whsec_very_secret' });
    expect(stored.encrypted).toBe(true);
    expect(stored.value).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain(REDACTED_VALUE);
    const read = await client.variables.get(SECRET);
    expect(read).toMatchObject({ encrypted: true });
    expect(read?.value).toBeUndefined();
    const [listed] = (await client.variables.list({ definitionId: SECRET })).docs;
    expect(listed).toMatchObject({ encrypted: true });
    expect(listed?.value).toBeUndefined();
  });

  it('refuses to send the [REDACTED] placeholder back', () => {
    const { client } = env.client();
    expect(() => client.variables.set({ definitionId: SECRET, value: REDACTED_VALUE })).toThrow(
      RefoldArgumentError,
    );
    expect(env.dataRequests()).toEqual([]);
  });

  it('removes a value by its id', async () => {
    const { client } = env.client();
    const stored = await client.variables.set({ definitionId: REGION, value: 'eu' });
    await client.variables.remove(stored._id!);
    expect(env.dataRequests().at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/api/v2/public/env/values/${stored._id!}`,
    });
    expect(await client.variables.get(REGION)).toBeNull();
  });

  it('keeps one customer’s values from another', async () => {
    const a = env.client({ account: 'customer-a' }).client;
    const b = env.client({ account: 'customer-b' }).client;
    await a.variables.set({ definitionId: REGION, value: 'eu' });
    expect(await b.variables.get(REGION)).toBeNull();
    expect((await b.variables.list()).docs).toEqual([]);
  });

  it('answers a RefoldApiError 403 for a definition of another scope', async () => {
    const { client } = env.client();
    const error = await client.variables.get(byName('ORG_ENDPOINT')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(403);
  });

  it('lists the definitions for the host’s backend with the API key only', async () => {
    const url = `${env.server.url}/api/v2/public/env/definitions?scope=linked_account`;
    expect((await fetch(url)).status).toBe(401);
    const answer = (await (await fetch(url, { headers: { 'x-api-key': env.mock.apiKey } })).json()) as {
      docs: { scope: string }[];
    };
    expect(answer.docs.length).toBe(4);
    expect(answer.docs.every((d) => d.scope === 'linked_account')).toBe(true);
  });
});
