export { DisconnectButton } from './DisconnectButton.js';
export type { DisconnectButtonProps } from './DisconnectButton.js';
