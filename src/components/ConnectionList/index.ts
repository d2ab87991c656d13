export { ConnectionList } from './ConnectionList.js';
export type { ConnectionListProps } from './ConnectionList.js';
