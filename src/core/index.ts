/**
 * `@refold/react/core`: the framework-free Refold client. No React, no DOM beyond `fetch`, `AbortController`
 * and `URL`; runs in browsers, Node and workers.
 */
export {
  createRefoldClient,
  CONNECTION_PARAMS,
  DEFAULT_BASE_URL,
  normaliseBaseUrl,
  RETURN_URL_PARAM,
} from './client.js';
export type {
  AuthValues,
  ConfigFieldTarget,
  ConnectionOptions,
  ExecutionListParams,
  RefoldClient,
  RefoldClientOptions,
  RefoldResponseWarning,
  RequestOptions,
  WorkflowListParams,
} from './client.js';
export {
  RefoldAbortError,
  RefoldApiError,
  RefoldArgumentError,
  RefoldAuthError,
  RefoldError,
  RefoldNetworkError,
  RefoldPopupError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTimeoutError,
  RefoldTokenError,
  RefoldValidationError,
  isRefoldError,
} from './errors.js';
export type { RefoldErrorCode, RefoldPopupReason } from './errors.js';
export { routes } from './routes.js';
export type { HttpMethod, RouteName } from './routes.js';
export type { FetchToken, TokenFetchContext, TokenFetchReason, TokenResult } from './token.js';
export type { RateLimitOptions, RetryOptions } from './rate-limit.js';
export { executionStatuses, isExecutionStatus } from './validate.js';
export type * from './types.js';
export {
  accountLabel,
  accountState,
  connectionOf,
  connectionsOf,
  identifierLabel,
  isConnected,
} from './connections.js';
export type {
  AccountLabel,
  AccountLabelOptions,
  AppConnection,
  AppConnectionItem,
  AppConnectionState,
} from './connections.js';
export { healthBySlug, hasConnection } from './health.js';
export type { AppHealth } from './health.js';
export { createConnectFlow, isConnecting, resolveAuth } from './connect.js';
export type { RuleColumnOptions } from './rule-options.js';
export type {
  AuthChoice,
  ConnectClient,
  ConnectedInfo,
  ConnectFlow,
  ConnectMode,
  ConnectFlowOptions,
  ConnectRequest,
  ConnectState,
  ConnectStatus,
  ConnectTiming,
  PopupHost,
  PopupWindow,
  RedirectHost,
  RedirectResume,
} from './connect.js';
export type { PageParams } from './resource.js';
export type {
  ExecuteWorkflowInput,
  ExecutionBatch,
  ExecutionControlMethods,
  NodeBatchesParams,
  RerunExecutionResult,
  StopExecutionResult,
  WorkflowRunMethods,
  WorkflowRunResult,
} from './run-controls.js';
export { REDACTED_VALUE } from './variables.js';
export type {
  AllVariablesParams,
  SetVariableInput,
  VariableDefinition,
  VariableFormat,
  VariableListParams,
  VariableMethods,
  VariableValue,
  VariableValueList,
} from './variables.js';
export type {
  McpServer,
  McpServerCreateInput,
  McpServerMethods,
  McpServerUpdateInput,
} from './mcp-servers.js';
export { noSessionToken } from './human-tasks.js';
export type { HumanTask, HumanTaskMethods, HumanTaskStatus } from './human-tasks.js';
