import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Config, ConfigField } from '../core/types.js';
import { configIdToSend } from './config-id.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import { useUnmountSignal } from './useUnmountSignal.js';

/** What {@link useSetConfigField}'s `mutate` takes. */
export interface SetConfigFieldInput {
  /** Field id. */
  fieldId: string;
  /** The workflow of a workflow field; left out for an app-level field. */
  workflowId?: string;
  /** The value to store; `null` clears it. */
  value: unknown;
}

function withValue(fields: ConfigField[] | undefined, fieldId: string, value: unknown) {
  return fields?.map((field) => {
    if (field.id !== fieldId) return field;
    const { value: _old, ...rest } = field;
    return value === undefined || value === null ? rest : { ...rest, value };
  });
}

/**
 * Stores one field of a config right away (`PUT` on the set-field route with `config_id` and
 * `workflow_id`), e.g. the parent of a dependent field: Refold computes a dependent field's options from
 * the stored config, so a changed parent is written once, on the user's change, and the dependent field's
 * options are then read with `useFieldOptions` for that stored value. Nothing else ever writes it: not a
 * query, not a refetch.
 *
 * On success the cached config (of `useConfig({ slug, configId })`) shows the stored value; nothing is
 * refetched, so a form's other unsaved edits stay untouched.
 *
 * @example
 * const setField = useSetConfigField('hubspot', { configId: 'eu-workspace' });
 * <select onChange={(e) => setField.mutate({ fieldId: 'pipeline', value: e.target.value })} />
 */
export function useSetConfigField(
  slug: string,
  options: { configId?: string; connectionId?: string } = {},
): UseMutationResult<ConfigField, RefoldError, SetConfigFieldInput> {
  const { client, scope, queryClient } = useRefoldContext('useSetConfigField');
  const signal = useUnmountSignal();
  const { configId, connectionId } = options;
  return useMutation<ConfigField, RefoldError, SetConfigFieldInput>(
    {
      mutationFn: ({ fieldId, workflowId, value }) =>
        client.configs.setField(
          {
            slug,
            fieldId,
            workflowId,
            value,
            configId: configIdToSend(queryClient, scope, slug, configId, connectionId),
            connectionId,
          },
          { signal: signal() },
        ),
      onSuccess: (field, { fieldId, workflowId, value }) => {
        const stored = 'value' in field ? field.value : value;
        queryClient.setQueryData<Config>(refoldKeys.config(scope, slug, configId, connectionId), (config) => {
          if (!config) return config;
          if (workflowId === undefined)
            return { ...config, fields: withValue(config.fields, fieldId, stored) };
          return {
            ...config,
            workflows: config.workflows?.map((w) =>
              w.id === workflowId ? { ...w, fields: withValue(w.fields, fieldId, stored) } : w,
            ),
          };
        });
      },
    },
    queryClient,
  );
}
