export { ConnectDialog } from './ConnectDialog.js';
export type { ConnectDialogProps } from './ConnectDialog.js';
