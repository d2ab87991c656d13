import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { ConfigField } from '../core/types.js';
import { configIdToSend } from './config-id.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** Which field {@link useFieldOptions} loads. */
export interface UseFieldOptionsInput extends RefoldQueryOptions {
  /** App slug. */
  slug: string;
  /** Field id. */
  fieldId: string;
  /**
   * The config the field belongs to, as given to `useConfig`; left out: the default config. Sent as
   * `config_id` (for the default config, its id once loaded).
   */
  configId?: string;
  /** The workflow the field belongs to, for workflow fields (sent as `workflow_id`). */
  workflowId?: string;
  /**
   * For a dependent field: its parent's id and **stored** value. Nothing loads while that value is empty,
   * and the options are cached per stored value. This hook never writes the parent: Refold computes the
   * options from the stored config, so store a changed parent first, once, with `useSetConfigField`, and
   * pass its value here after that write succeeded.
   */
  parent?: { id: string; value: unknown };
}

/** True when a stored value counts as set (not empty, not an empty list). @internal */
export function hasValue(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A config field with its options, read from Refold (for dynamic and dependent fields). The request is a
 * read (`POST` with an empty body) scoped with `config_id` and `workflow_id`; a refetch (window focus,
 * reconnect) only reads again, it never writes.
 *
 * @example
 * const setField = useSetConfigField('hubspot', { configId });
 * // on the user's change of the parent: setField.mutate({ fieldId: 'pipeline', value: 'sales' })
 * const stages = useFieldOptions({
 *   slug: 'hubspot',
 *   configId,
 *   fieldId: 'stage',
 *   parent: { id: 'pipeline', value: storedPipeline },
 * });
 */
export function useFieldOptions(input: UseFieldOptionsInput): UseQueryResult<ConfigField, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useFieldOptions');
  const { slug, fieldId, configId, workflowId, parent, enabled, staleTime, refetchInterval } = input;
  const parentReady = parent === undefined || hasValue(parent.value);
  return useQuery(
    {
      queryKey: refoldKeys.fieldOptions(scope, slug, fieldId, {
        configId,
        workflowId,
        parentValue: parent?.value,
      }),
      queryFn: ({ signal }) =>
        client.configs.field(
          { slug, fieldId, configId: configIdToSend(queryClient, scope, slug, configId), workflowId },
          { signal },
        ),
      retry: false,
      staleTime: staleTime ?? 60_000,
      enabled: (enabled ?? true) && parentReady && Boolean(slug) && Boolean(fieldId),
      refetchInterval,
    },
    queryClient,
  );
}
