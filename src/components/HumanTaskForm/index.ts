export { HumanTaskForm } from './HumanTaskForm.js';
export type { HumanTaskFormProps } from './HumanTaskForm.js';
