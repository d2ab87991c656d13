import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { RefoldClient } from '../../src/core/client.js';
import type { RefoldError } from '../../src/core/errors.js';
import type {
  Application,
  Config,
  ConfigField,
  Execution,
  LinkedAccount,
  Page,
  Workflow,
} from '../../src/core/types.js';
import type { ConnectStatus } from '../../src/core/connect.js';
import {
  refoldKeys,
  useApplication,
  useApplications,
  useConfig,
  useConnect,
  useConnectUrl,
  useDisconnect,
  useExecution,
  useExecutions,
  useFieldOptions,
  useLinkedAccount,
  useRefold,
  useToggleWorkflow,
  useTriggerEvent,
  useUpdateConfig,
  useWorkflows,
} from '../../src/react/index.js';
import type { RefoldProviderProps } from '../../src/react/index.js';

describe('public hook signatures', () => {
  it('types queries with Refold data and RefoldError', () => {
    expectTypeOf(useApplications).returns.toEqualTypeOf<UseQueryResult<Application[], RefoldError>>();
    expectTypeOf(useApplication).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(useApplication).returns.toEqualTypeOf<UseQueryResult<Application, RefoldError>>();
    expectTypeOf(useConfig).returns.toEqualTypeOf<UseQueryResult<Config, RefoldError>>();
    expectTypeOf(useFieldOptions).returns.toEqualTypeOf<UseQueryResult<ConfigField, RefoldError>>();
    expectTypeOf(useWorkflows).returns.toEqualTypeOf<UseQueryResult<Page<Workflow>, RefoldError>>();
    expectTypeOf(useExecutions).returns.toEqualTypeOf<UseQueryResult<Page<Execution>, RefoldError>>();
    expectTypeOf(useExecution).returns.toEqualTypeOf<UseQueryResult<Execution, RefoldError>>();
    expectTypeOf(useLinkedAccount).returns.toEqualTypeOf<UseQueryResult<LinkedAccount, RefoldError>>();
  });

  it('types mutations with their inputs', () => {
    expectTypeOf(useDisconnect).returns.toMatchTypeOf<
      UseMutationResult<void, RefoldError, { authType?: 'oauth2' | 'keybased' }>
    >();
    expectTypeOf(useUpdateConfig)
      .returns.toHaveProperty('fieldErrors')
      .toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf(useToggleWorkflow)
      .returns.toHaveProperty('mutate')
      .parameter(0)
      .toEqualTypeOf<{ workflowId: string; enabled: boolean }>();
    expectTypeOf(useTriggerEvent)
      .returns.toHaveProperty('mutateAsync')
      .returns.resolves.toEqualTypeOf<{ message: string }>();
    expectTypeOf(useConnectUrl)
      .returns.toHaveProperty('mutateAsync')
      .returns.resolves.toEqualTypeOf<{ hosted_url: string }>();
  });

  it('types useConnect’s states and never exposes a token', () => {
    expectTypeOf(useConnect).returns.toHaveProperty('status').toEqualTypeOf<ConnectStatus>();
    expectTypeOf<ConnectStatus>().toEqualTypeOf<
      'idle' | 'opening' | 'waiting' | 'saving' | 'connected' | 'cancelled' | 'blocked' | 'timeout' | 'error'
    >();
    expectTypeOf(useRefold).returns.toEqualTypeOf<RefoldClient>();
    expectTypeOf<RefoldClient>().not.toHaveProperty('token');
    expectTypeOf<RefoldClient>().not.toHaveProperty('getToken');
  });

  it('requires fetchToken on the provider and keeps keys readonly tuples', () => {
    expectTypeOf<RefoldProviderProps>().toHaveProperty('fetchToken');
    expectTypeOf<RefoldProviderProps['scope']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(refoldKeys.application('s', 'slack')).toEqualTypeOf<
      readonly ['refold', string, 'applications', string]
    >();
  });
});
