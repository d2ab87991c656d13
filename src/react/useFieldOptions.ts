import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { ConfigField } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';
import type { FieldOptionsQueryInput } from './queries.js';

/** Which field {@link useFieldOptions} loads. */
export interface UseFieldOptionsInput extends FieldOptionsQueryInput, RefoldQueryOptions {}

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
  const context = useRefoldContext('useFieldOptions');
  return useQuery(withQueryOptions(refoldQueries.fieldOptions(context, input), input), context.queryClient);
}
