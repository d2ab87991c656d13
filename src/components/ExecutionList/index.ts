export { ExecutionList } from './ExecutionList.js';
export type { ExecutionListProps } from './ExecutionList.js';
