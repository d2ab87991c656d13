import { focusManager } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/types.js';
import {
  refoldKeys,
  useConfig,
  useFieldOptions,
  useRuleOptions,
  useSetConfigField,
  useUpdateConfig,
} from '../../src/react/index.js';
import { renderRefoldHook, setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();
const SYNC_CONTACTS = '66b2e1d3f5c0000000000003';
const fieldCalls = () => sent().filter((r) => r.path.startsWith('/api/v2/public/config/'));

describe('config field hooks', () => {
  it('a refetch on window focus reads the dependent options again and never writes', async () => {
    const { result, unmount } = renderRefoldHook(mock, () => {
      const config = useConfig({ slug: 'hubspot' });
      const pipeline = config.data?.fields?.find((f) => f.id === 'pipeline')?.value;
      return {
        config,
        setField: useSetConfigField('hubspot'),
        stage: useFieldOptions({
          slug: 'hubspot',
          fieldId: 'stage',
          parent: { id: 'pipeline', value: pipeline },
          staleTime: 0,
        }),
      };
    });
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    expect(result.current.stage.fetchStatus).toBe('idle');
    expect(fieldCalls()).toEqual([]);

    // The user's change of the parent: one write, then the options of the stored value.
    await act(() => result.current.setField.mutateAsync({ fieldId: 'pipeline', value: 'support' }));
    await waitFor(() => expect(result.current.stage.data?.options?.map((o) => o.value)).toContain('solved'));
    const reads = () => fieldCalls().filter((r) => r.method === 'POST').length;
    const writes = () => fieldCalls().filter((r) => r.method !== 'POST');
    expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([
      ['PUT', '/api/v2/public/config/field/pipeline', { value: 'support' }],
    ]);
    const before = reads();

    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => expect(reads()).toBe(before + 1));
    expect(fieldCalls().at(-1)).toMatchObject({ method: 'POST', body: {} });
    expect(writes()).toHaveLength(1);
    expect(mock.account('customer-a').configWrites('hubspot')).toHaveLength(1);
    unmount();
    focusManager.setFocused(undefined);
  });

  it('keeps a named config’s field calls in that config (config_id, workflow_id) and its keys apart', async () => {
    const where = { configId: 'eu-workspace' };
    const { result, queryClient } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'hubspot', ...where }),
      setField: useSetConfigField('hubspot', where),
      lifecycle: useFieldOptions({
        slug: 'hubspot',
        ...where,
        fieldId: 'lifecycle_stage',
        workflowId: SYNC_CONTACTS,
      }),
      rules: useRuleOptions({ slug: 'hubspot', ...where, fieldId: 'routing_rules', lhs: 'country' }),
    }));
    await waitFor(() =>
      expect(
        result.current.config.isSuccess &&
          result.current.lifecycle.isSuccess &&
          result.current.rules.isSuccess,
      ).toBe(true),
    );
    expect(result.current.lifecycle.data?.value).toBe('lead');
    expect(result.current.rules.data).toEqual({
      operators: [
        { name: 'is', value: 'eq' },
        { name: 'is not', value: 'neq' },
      ],
      rhs: {
        type: 'select',
        options: [
          { name: 'United States', value: 'US' },
          { name: 'Germany', value: 'DE' },
          { name: 'India', value: 'IN' },
        ],
      },
    });
    await act(() =>
      result.current.setField.mutateAsync({
        fieldId: 'lifecycle_stage',
        workflowId: SYNC_CONTACTS,
        value: 'customer',
      }),
    );

    expect(
      fieldCalls()
        .map((r) => `${r.method} ${r.path} ${new URLSearchParams(r.query).toString()} ${r.headers['slug']}`)
        .sort(),
    ).toEqual([
      `POST /api/v2/public/config/field/lifecycle_stage config_id=eu-workspace&workflow_id=${SYNC_CONTACTS} hubspot`,
      'POST /api/v2/public/config/rule-engine/routing_rules config_id=eu-workspace hubspot',
      `PUT /api/v2/public/config/field/lifecycle_stage config_id=eu-workspace&workflow_id=${SYNC_CONTACTS} hubspot`,
    ]);
    const account = mock.account('customer-a');
    expect(account.configValues('hubspot', 'eu-workspace')?.workflows[SYNC_CONTACTS]?.fields).toEqual({
      lifecycle_stage: 'customer',
    });
    expect(account.configIds('hubspot')).toEqual(['eu-workspace']);
    // The cached named config shows the stored value; its options are cached under its own key.
    const cached = queryClient.getQueryData<Config>(refoldKeys.config('default', 'hubspot', 'eu-workspace'));
    expect(
      cached?.workflows?.find((w) => w.id === SYNC_CONTACTS)?.fields?.find((f) => f.id === 'lifecycle_stage')
        ?.value,
    ).toBe('customer');
    const key = refoldKeys.fieldOptions('default', 'hubspot', 'lifecycle_stage', {
      ...where,
      workflowId: SYNC_CONTACTS,
    });
    expect(queryClient.getQueryData(key)).toBeDefined();
    expect(key).not.toEqual(
      refoldKeys.fieldOptions('default', 'hubspot', 'lifecycle_stage', { workflowId: SYNC_CONTACTS }),
    );
  });

  it('names the loaded default config in every save, and a save without values carries none', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'hubspot' }),
      save: useUpdateConfig('hubspot'),
    }));
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    const before = mock.account('customer-a').configValues('hubspot');
    await act(() => result.current.save.mutateAsync({}));
    await act(() => result.current.save.mutateAsync({ fields: { record_prefix: 'NEW-' } }));
    const puts = sent().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.body)).toEqual([
      { slug: 'hubspot', config_id: 'customer-a' },
      { slug: 'hubspot', config_id: 'customer-a', fields: { record_prefix: 'NEW-' } },
    ]);
    expect(mock.account('customer-a').configValues('hubspot')).toEqual({
      ...before,
      fields: { ...before?.fields, record_prefix: 'NEW-' },
    });
  });

  it('reports a failed write without touching the cached config', async () => {
    const { result, queryClient } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'hubspot' }),
      setField: useSetConfigField('hubspot'),
    }));
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    const before = queryClient.getQueryData(refoldKeys.config('default', 'hubspot'));
    const error = await act(() =>
      result.current.setField
        .mutateAsync({ fieldId: 'routing_rules', value: { rules: [] } })
        .catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ name: 'RefoldApiError', status: 400 });
    expect(queryClient.getQueryData(refoldKeys.config('default', 'hubspot'))).toBe(before);
    expect(mock.account('customer-a').configWrites()).toEqual([]);
  });
});
