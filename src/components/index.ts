export { AppList } from './AppList/index.js';
export type { AppListProps } from './AppList/index.js';
export { AppCard } from './AppCard/index.js';
export type { AppCardProps } from './AppCard/index.js';
export { ConnectionStatus } from './ConnectionStatus/index.js';
export type { ConnectionStatusProps, ConnectionState } from './ConnectionStatus/index.js';
export { ConnectionList } from './ConnectionList/index.js';
export type { ConnectionListProps } from './ConnectionList/index.js';
export { AuthForm } from './AuthForm/index.js';
export type { AuthFormProps } from './AuthForm/index.js';
export { ConnectButton } from './ConnectButton/index.js';
export type { ConnectButtonProps } from './ConnectButton/index.js';
export { DisconnectButton } from './DisconnectButton/index.js';
export type { DisconnectButtonProps } from './DisconnectButton/index.js';
export {
  ConnectDialog,
  CONNECT_LINK_PARAMS,
  OPEN_CONNECT_DIALOG_EVENT,
  connectDialogUrl,
  openConnectDialog,
} from './ConnectDialog/index.js';
export type { ConnectDialogProps, ConnectTarget } from './ConnectDialog/index.js';
export { ConfigForm, useConfigDraft } from './ConfigForm/index.js';
export type {
  ConfigFormProps,
  ConfigDraft,
  ConfigDraftField,
  ConfigDraftParent,
  ConfigDraftSubmitOptions,
  UseConfigDraftOptions,
  FormValue,
  RuleCondition,
  RuleGroup,
  FieldProblem,
} from './ConfigForm/index.js';
export { ExecutionList } from './ExecutionList/index.js';
export type { ExecutionListProps } from './ExecutionList/index.js';
export { RunNowButton } from './RunNowButton/index.js';
export type { RunNowButtonProps } from './RunNowButton/index.js';
export { ExecutionDetail } from './ExecutionDetail/index.js';
export type { ExecutionDetailProps } from './ExecutionDetail/index.js';
export { VariablesForm } from './VariablesForm/index.js';
export type { VariablesFormProps } from './VariablesForm/index.js';
export { McpServerList, McpServerEditor } from './McpServerList/index.js';
export type { McpServerListProps, McpServerEditorProps } from './McpServerList/index.js';
export { HumanTaskForm } from './HumanTaskForm/index.js';
export type { HumanTaskFormProps } from './HumanTaskForm/index.js';
