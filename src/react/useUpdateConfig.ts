import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { RefoldApiError } from '../core/errors.js';
import type { RefoldError } from '../core/errors.js';
import type { Config } from '../core/types.js';
import { configIdToSend } from './config-id.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { ConnectionScope } from './options.js';

/**
 * What {@link useUpdateConfig}'s `mutate` takes. Refold stores what it is given: send only the values the
 * user changed, and leave `fields` or `workflows` out when nothing of theirs changed.
 */
export interface UpdateConfigInput {
  /** Changed field values by field id. */
  fields?: Record<string, unknown>;
  /** Workflows with changed fields: `enabled` as stored (the shape needs it), `fields` the changed ones. */
  workflows?: { id: string; enabled: boolean; fields?: Record<string, unknown> }[];
}

/** What {@link useUpdateConfig} returns: TanStack's mutation result plus errors per field. */
export type UseUpdateConfigResult = UseMutationResult<Config, RefoldError, UpdateConfigInput> & {
  /** Messages by field id, from Refold's `field_errors` or a 400 answer. Empty when all went well. */
  fieldErrors: Readonly<Record<string, string>>;
};

/**
 * Saves config fields and workflow toggles (of one connection's config with `options.connectionId`). The request always names the config (`config_id`: the one
 * given, else the loaded default config's id), so a save never lands in another config. The cached config
 * is replaced with Refold's answer; Refold's `field_errors` come back per field. The form's own values are
 * never reset by a failed save.
 *
 * @example
 * const save = useUpdateConfig('hubspot');
 * save.mutate({ fields: { owner: 'me@acme.test' } });
 */
export function useUpdateConfig(
  slug: string,
  configId?: string,
  options: ConnectionScope = {},
): UseUpdateConfigResult {
  const { client, scope, queryClient, emit } = useRefoldContext('useUpdateConfig');
  const { connectionId } = options;
  const mutation = useMutation<Config, RefoldError, UpdateConfigInput>(
    {
      mutationFn: (input) =>
        client.configs.update({
          slug,
          configId: configIdToSend(queryClient, scope, slug, configId, connectionId),
          connectionId,
          ...input,
        }),
      onSuccess: async (config, input) => {
        queryClient.setQueryData(refoldKeys.config(scope, slug, configId, connectionId), config);
        if (!config.field_errors?.length)
          emit({ type: 'config-saved', slug, configId: config.config_id ?? configId });
        if (input.workflows?.length) {
          await queryClient.invalidateQueries({ queryKey: refoldKeys.enabledWorkflows(scope), exact: true });
        }
      },
    },
    queryClient,
  );
  const fieldErrors: Record<string, string> = {};
  for (const e of mutation.data?.field_errors ?? []) fieldErrors[e.id] = e.error.message;
  if (mutation.error instanceof RefoldApiError) Object.assign(fieldErrors, mutation.error.fieldErrors);
  return Object.assign(mutation, { fieldErrors });
}
