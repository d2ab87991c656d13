export { ConfigForm } from './ConfigForm.js';
export type { ConfigFormProps } from './ConfigForm.js';
