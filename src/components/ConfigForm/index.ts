export { ConfigForm } from './ConfigForm.js';
export type { ConfigFormProps } from './ConfigForm.js';
export { useConfigDraft } from './useConfigDraft.js';
export type {
  ConfigDraft,
  ConfigDraftField,
  ConfigDraftParent,
  ConfigDraftSubmitOptions,
  UseConfigDraftOptions,
} from './useConfigDraft.js';
export type { FormValue, RuleCondition, RuleGroup } from './values.js';
export type { FieldProblem } from './field-values.js';
