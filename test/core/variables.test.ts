import { describe, expect, it } from 'vitest';
import { RefoldApiError, RefoldArgumentError } from '../../src/core/errors.js';
import { REDACTED_VALUE } from '../../src/core/variables.js';
import { mockVariableDefinitions } from '../../src/testing/mock-refold/index.js';
import { manyVariableDefinitions, storeFeatureValues } from '../many-variables.js';
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

describe('variables.listAll', () => {
  const definitions = manyVariableDefinitions(246);
  const many = useMockRefold({ variableDefinitions: definitions });
  const LIST = '/api/v2/public/env/values/linked_account';
  const lists = () => many.dataRequests().filter((r) => r.path === LIST);
  /** A page of the list route as Refold sends it. */
  const pageOf = (docs: object[], page: number, hasNextPage: boolean) => ({
    status: 'success',
    docs,
    totalDocs: 6,
    limit: 2,
    page,
    totalPages: 3,
    hasNextPage,
  });
  const valueOf = (n: number) => ({
    _id: `66b0${String(n).padStart(20, '0')}`,
    variable_definition_id: REGION,
    value: `v${n}`,
  });

  it('follows the pages to the last one: 250 values in three requests of 100', async () => {
    expect(storeFeatureValues(many.mock, 'customer-a', definitions)).toBe(246);
    const { client } = many.client();
    await client.variables.set({ definitionId: REGION, value: 'eu-west-1' });
    await client.variables.set({ definitionId: BATCH, value: '250' });
    await client.variables.set({ definitionId: SECRET, value: 'whsec_listed' });
    await client.variables.set({ definitionId: byName('WEBHOOK_URL'), value: 'https://hooks.example.com/a' });
    const all = await client.variables.listAll();
    expect(all.complete).toBe(true);
    expect(all.docs).toHaveLength(250);
    expect(new Set(all.docs.map((v) => v.variable_definition_id)).size).toBe(250);
    const last = definitions.at(-1)!;
    expect(all.docs.find((v) => v.variable_definition_id === last._id)?.value).toBe(`on-${last.name}`);
    expect(all.docs.find((v) => v.variable_definition_id === SECRET)).toMatchObject({ encrypted: true });
    expect(JSON.stringify(all)).not.toContain('whsec_listed');
    expect(lists().map((r) => r.query)).toEqual([
      { page: '1', limit: '100' },
      { page: '2', limit: '100' },
      { page: '3', limit: '100' },
    ]);
  });

  it('stops after maxPages and says the read is incomplete', async () => {
    storeFeatureValues(many.mock, 'customer-a', definitions);
    const { client } = many.client();
    const read = await client.variables.listAll({ maxPages: 2 });
    expect(read.complete).toBe(false);
    expect(read.docs).toHaveLength(200);
    expect(lists()).toHaveLength(2);
  });

  it('keeps a value that shows up on two pages once, and stops at an empty page', async () => {
    many.mock.inject({ path: LIST }, { body: pageOf([valueOf(1), valueOf(2)], 1, true) });
    // A value written meanwhile shifted the rows: the second page starts with the first page's last value.
    many.mock.inject({ path: LIST }, { body: pageOf([valueOf(2), valueOf(3)], 2, true) });
    many.mock.inject({ path: LIST }, { body: pageOf([], 3, true) });
    const { client } = many.client();
    const read = await client.variables.listAll({ limit: 2 });
    expect(read.docs.map((v) => v.value)).toEqual(['v1', 'v2', 'v3']);
    expect(read.complete).toBe(true);
    expect(lists().map((r) => r.query['page'])).toEqual(['1', '2', '3']);
  });

  it('fails as a whole when a later page fails', async () => {
    many.mock.inject({ path: LIST }, { body: pageOf([valueOf(1)], 1, true) });
    many.mock.inject({ path: LIST }, { status: 500 });
    const { client } = many.client();
    const error = await client.variables.listAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(500);
  });

  it('checks its arguments before sending anything', () => {
    const { client } = many.client();
    expect(() => client.variables.listAll({ maxPages: 0 })).toThrow(/maxPages must be a whole number/);
    expect(() => client.variables.listAll({ limit: 500 })).toThrow(
      /limit must be a whole number from 1 to 100/,
    );
    expect(lists()).toEqual([]);
  });
});
