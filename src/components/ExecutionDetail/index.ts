export { ExecutionDetail } from './ExecutionDetail.js';
export type { ExecutionDetailProps } from './ExecutionDetail.js';
