import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { ConfigField } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** Which field {@link useFieldOptions} loads. */
export interface UseFieldOptionsInput extends RefoldQueryOptions {
  /** App slug. */
  slug: string;
  /** Field id. */
  fieldId: string;
  /** The workflow the field belongs to, for workflow fields. */
  workflowId?: string;
  /**
   * For a dependent field: its parent's id and current value. Options load only once the parent has a
   * value; the parent's value is stored first, since Refold computes the options from the stored config.
   */
  parent?: { id: string; value: unknown };
}

function hasValue(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A config field with its options, fetched from Refold (for dynamic and dependent fields).
 *
 * @example
 * const owner = useFieldOptions({ slug: 'hubspot', fieldId: 'owner', parent: { id: 'pipeline', value: pipeline } });
 */
export function useFieldOptions(input: UseFieldOptionsInput): UseQueryResult<ConfigField, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useFieldOptions');
  const { slug, fieldId, workflowId, parent, enabled, staleTime, refetchInterval } = input;
  const parentReady = parent === undefined || hasValue(parent.value);
  return useQuery(
    {
      queryKey: refoldKeys.fieldOptions(scope, slug, fieldId, workflowId, parent?.value),
      queryFn: async ({ signal }) => {
        if (parent)
          await client.configs.setField({ slug, fieldId: parent.id, value: parent.value }, { signal });
        return client.configs.field({ slug, fieldId, workflowId }, { signal });
      },
      retry: false,
      staleTime: staleTime ?? 60_000,
      enabled: (enabled ?? true) && parentReady && Boolean(slug) && Boolean(fieldId),
      refetchInterval,
    },
    queryClient,
  );
}
