export { ConnectionStatus } from './ConnectionStatus.js';
export type { ConnectionStatusProps } from './ConnectionStatus.js';
export type { ConnectionState } from '../shared/connection.js';
