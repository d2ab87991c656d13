export { VariablesForm } from './VariablesForm.js';
export type { VariablesFormProps } from './VariablesForm.js';
