import { useQuery } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Page } from '../core/types.js';
import type {
  AllVariablesParams,
  SetVariableInput,
  VariableListParams,
  VariableValue,
  VariableValueList,
} from '../core/variables.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import { useRefoldMutation } from './mutation.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * A page of the customer's variable values (encrypted ones come as `encrypted: true`, without a value). For
 * all of them at once, see {@link useAllVariables}.
 */
export function useVariables(
  params: VariableListParams = {},
  options: RefoldQueryOptions = {},
): UseQueryResult<Page<VariableValue>, RefoldError> {
  const context = useRefoldContext('useVariables');
  return useQuery(withQueryOptions(refoldQueries.variables(context, params), options), context.queryClient);
}

/**
 * Every variable value of the customer, read page by page (100 values a page) until the last, at most
 * `maxPages` (10) pages: `complete` is `false` when that bound stopped the read. One query: the data
 * arrives once every page is in, and a refetch (after any write) keeps the previous data on screen until
 * the new pages are all in.
 *
 * @example
 * const { data } = useAllVariables();
 * const region = data?.docs.find((v) => v.variable_definition_id === regionId)?.value;
 */
export function useAllVariables(
  params: AllVariablesParams = {},
  options: RefoldQueryOptions = {},
): UseQueryResult<VariableValueList, RefoldError> {
  const context = useRefoldContext('useAllVariables');
  return useQuery(
    withQueryOptions(refoldQueries.allVariables(context, params), options),
    context.queryClient,
  );
}

/** The customer's value of one definition; `null` when none is set. */
export function useVariable(
  definitionId: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<VariableValue | null, RefoldError> {
  const context = useRefoldContext('useVariable');
  return useQuery(
    withQueryOptions(refoldQueries.variable(context, definitionId), options),
    context.queryClient,
  );
}

/** Sets (upserts) one value; every variable query of the customer refetches. */
export function useSetVariable(): UseMutationResult<VariableValue, RefoldError, SetVariableInput> {
  return useRefoldMutation(
    'useSetVariable',
    (client, input) => client.variables.set(input),
    refoldKeys.variables,
  );
}

/** Deletes one value by its `_id` (`mutate(valueId)`); every variable query of the customer refetches. */
export function useRemoveVariable(): UseMutationResult<void, RefoldError, string> {
  return useRefoldMutation(
    'useRemoveVariable',
    (client, id) => client.variables.remove(id),
    refoldKeys.variables,
  );
}
