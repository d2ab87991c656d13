export { ConnectDialog } from './ConnectDialog.js';
export type { ConnectDialogProps } from './ConnectDialog.js';
export {
  CONNECT_LINK_PARAMS,
  OPEN_CONNECT_DIALOG_EVENT,
  connectDialogUrl,
  openConnectDialog,
} from './deep-link.js';
export type { ConnectTarget } from './deep-link.js';
