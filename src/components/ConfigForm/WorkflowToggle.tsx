import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ConfigWorkflow } from '../../core/types.js';
import { describeError } from '../shared/describe-error.js';
import { useMessages } from '../shared/useMessages.js';

interface WorkflowToggleProps {
  workflow: ConfigWorkflow;
  /** Turns the workflow on or off. */
  onToggle: (enabled: boolean) => void;
  /** The last toggle of this workflow failed. */
  error: unknown;
  /** The workflow's fields, shown while it is enabled. */
  children?: ReactNode;
}

/** A workflow with its on/off switch and, while on, its own fields. @internal */
export function WorkflowToggle({ workflow, onToggle, error, children }: WorkflowToggleProps) {
  const { t } = useMessages('ConfigForm');
  const id = useId();
  return (
    <div className="refold-config-form__workflow" data-enabled={workflow.enabled ? '' : undefined}>
      <div className="refold-config-form__row">
        <span id={`${id}-name`} className="refold-label">
          {workflow.name}
        </span>
        <button
          type="button"
          role="switch"
          className="refold-config-form__switch"
          aria-checked={workflow.enabled}
          aria-labelledby={`${id}-name`}
          aria-describedby={workflow.description ? `${id}-desc` : undefined}
          onClick={() => onToggle(!workflow.enabled)}
        />
      </div>
      {workflow.description && (
        <p id={`${id}-desc`} className="refold-help">
          {workflow.description}
        </p>
      )}
      {error !== undefined && (
        <p className="refold-field-error" role="alert">
          {t('configForm.toggleFailed', { name: workflow.name })} {describeError(error, t)}
        </p>
      )}
      {workflow.enabled && children}
    </div>
  );
}
