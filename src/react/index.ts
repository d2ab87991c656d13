export { RefoldProvider } from './RefoldProvider.js';
export type { RefoldProviderProps } from './RefoldProvider.js';
export { useRefold } from './useRefold.js';
export { refoldKeys } from './keys.js';
export type { ConfigFieldScope } from './keys.js';
export type { RefoldEvent } from './events.js';
export type { ConnectionScope, RefoldQueryOptions } from './options.js';
export { refoldQueries, refoldStaleTimes, createRefoldQueries, isRunning, isUnderWay } from './queries.js';
export type {
  RefoldQueries,
  RefoldQueryContext,
  ConfigQueryInput,
  FieldOptionsQueryInput,
  RuleOptionsQueryInput,
  ExecutionsQueryInput,
} from './queries.js';
export { useRefoldQueries } from './useRefoldQueries.js';
export { useApplications, filterApplications } from './useApplications.js';
export type { ApplicationFilters } from './useApplications.js';
export { useApplication } from './useApplication.js';
export { useConnections } from './useConnections.js';
export { useConnectionHealth } from './useConnectionHealth.js';
export type { UseConnectionHealthOptions, UseConnectionHealthResult } from './useConnectionHealth.js';
export { useConnect } from './useConnect.js';
export type { UseConnectOptions, UseConnectResult } from './useConnect.js';
export { useDisconnect } from './useDisconnect.js';
export type { DisconnectInput } from './useDisconnect.js';
export { useConfig } from './useConfig.js';
export type { UseConfigInput } from './useConfig.js';
export { useUpdateConfig } from './useUpdateConfig.js';
export type { UpdateConfigInput, UseUpdateConfigResult } from './useUpdateConfig.js';
export { useFieldOptions } from './useFieldOptions.js';
export { useSetConfigField } from './useSetConfigField.js';
export type { SetConfigFieldInput } from './useSetConfigField.js';
export type { UseFieldOptionsInput } from './useFieldOptions.js';
export { useToggleWorkflow } from './useToggleWorkflow.js';
export type { ToggleWorkflowInput } from './useToggleWorkflow.js';
export { useWorkflows, useEnabledWorkflows } from './useWorkflows.js';
export { useExecutions } from './useExecutions.js';
export type { UseExecutionsOptions } from './useExecutions.js';
export { useExecution } from './useExecution.js';
export { useTriggerEvent } from './useTriggerEvent.js';
export type { TriggerEventInput } from './useTriggerEvent.js';
export { useConnectUrl } from './useConnectUrl.js';
export type { ConnectUrlInput } from './useConnectUrl.js';
export { useLinkedAccount } from './useLinkedAccount.js';
export { useRuleOptions } from './useRuleOptions.js';
export type { UseRuleOptionsInput } from './useRuleOptions.js';
export { useExecuteWorkflow, useStopExecution, useRerunExecution, useNodeBatches } from './useRunControls.js';
export {
  useVariables,
  useAllVariables,
  useVariable,
  useSetVariable,
  useRemoveVariable,
} from './useVariables.js';
export {
  useMcpServers,
  useMcpServer,
  useCreateMcpServer,
  useUpdateMcpServer,
  useRemoveMcpServer,
} from './useMcpServers.js';
export type { UpdateMcpServerInput } from './useMcpServers.js';
export { useHumanTask, useSubmitHumanTask } from './useHumanTask.js';
