export { ConnectionStatus } from './ConnectionStatus.js';
export type { ConnectionStatusProps } from './ConnectionStatus.js';
export { connectionOf } from './connection.js';
export type { AppConnection, ConnectionState } from './connection.js';
