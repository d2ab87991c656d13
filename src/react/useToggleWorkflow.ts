import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { RefoldArgumentError } from '../core/errors.js';
import type { RefoldError } from '../core/errors.js';
import type { Config, WorkflowToggleResult } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { ConnectionScope } from './options.js';

/** What {@link useToggleWorkflow}'s `mutate` takes. */
export interface ToggleWorkflowInput {
  /** Workflow id. */
  workflowId: string;
  /** On or off. */
  enabled: boolean;
}

/**
 * Turns one workflow on or off (in one connection's config with `options.connectionId`). The cached config shows the change at once and is rolled back only if Refold
 * refuses it: its documented answer (`{ workflows: [{ id, enabled }] }`, without names) is a success.
 *
 * @example
 * const toggle = useToggleWorkflow('hubspot');
 * <Switch checked={w.enabled} onChange={(on) => toggle.mutate({ workflowId: w.id, enabled: on })} />
 */
export function useToggleWorkflow(
  slug: string,
  configId?: string,
  options: ConnectionScope = {},
): UseMutationResult<
  WorkflowToggleResult,
  RefoldError,
  ToggleWorkflowInput,
  { previous: Config | undefined }
> {
  const { client, scope, queryClient, emit } = useRefoldContext('useToggleWorkflow');
  const { connectionId } = options;
  const key = refoldKeys.config(scope, slug, configId, connectionId);
  return useMutation(
    {
      mutationFn: ({ workflowId, enabled }) => {
        const id = configId ?? queryClient.getQueryData<Config>(key)?.config_id;
        if (!id) {
          throw new RefoldArgumentError(
            `useToggleWorkflow("${slug}"): the config id is unknown (the config is not loaded yet, or Refold sent it without config_id); pass its configId.`,
          );
        }
        return client.configs.toggleWorkflow({ slug, configId: id, workflowId, enabled, connectionId });
      },
      onMutate: async ({ workflowId, enabled }) => {
        await queryClient.cancelQueries({ queryKey: key, exact: true });
        const previous = queryClient.getQueryData<Config>(key);
        if (previous) {
          queryClient.setQueryData<Config>(key, {
            ...previous,
            workflows: previous.workflows?.map((w) => (w.id === workflowId ? { ...w, enabled } : w)),
          });
        }
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
      },
      onSuccess: (_answer, { workflowId, enabled }) => {
        emit({ type: 'workflow-toggled', slug, workflowId, enabled });
      },
      // Refetch without holding the mutation back: the error (or success) shows at once.
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: key, exact: true });
        void queryClient.invalidateQueries({ queryKey: refoldKeys.enabledWorkflows(scope), exact: true });
      },
    },
    queryClient,
  );
}
