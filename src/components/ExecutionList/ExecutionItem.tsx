import type { Execution, ExecutionNode } from '../../core/types.js';
import { formatDateTime, formatRelativeTime } from '../../i18n/format.js';
import { useExecution } from '../../react/useExecution.js';
import { AppIcon } from '../shared/AppIcon.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { StatusBadge, statusAttribute } from './StatusBadge.js';

interface ExecutionItemProps {
  execution: Execution;
  /** DOM id of the details panel. */
  panelId: string;
  expanded: boolean;
  onToggle: () => void;
}

/** One run: a disclosure button with its summary, its progress while running, and its steps when open. @internal */
export function ExecutionItem({ execution, panelId, expanded, onToggle }: ExecutionItemProps) {
  const { t, locale } = useMessages('ExecutionList');
  const app = execution.associated_application;
  const percent = execution.completion_percentage;
  return (
    <li
      className="refold-execution-list__item"
      data-status={statusAttribute(execution.status)}
      data-expanded={expanded ? '' : undefined}
    >
      <button
        type="button"
        className="refold-execution-list__toggle"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={onToggle}
      >
        {app && <AppIcon name={app.name} src={app.icon} />}
        <span className="refold-execution-list__name">{execution.name}</span>
        <StatusBadge status={execution.status} />
        {app && <span className="refold-help">{app.name}</span>}
        {execution.createdAt && (
          <time
            className="refold-help"
            dateTime={execution.createdAt}
            title={formatDateTime(execution.createdAt, locale)}
          >
            {formatRelativeTime(execution.createdAt, locale)}
          </time>
        )}
      </button>
      {execution.status === 'RUNNING' && typeof percent === 'number' && (
        <div className="refold-execution-list__progress">
          <label htmlFor={`${panelId}-progress`}>{t('executionList.progress', { percent })}</label>
          <progress id={`${panelId}-progress`} max={100} value={percent} />
        </div>
      )}
      <div id={panelId} className="refold-execution-list__panel" hidden={!expanded}>
        {expanded &&
          (execution.nodes?.length || !execution._id ? (
            <NodeList nodes={execution.nodes ?? []} />
          ) : (
            <LoadedNodes id={execution._id} />
          ))}
      </div>
    </li>
  );
}

/** Loads the full run when the list's copy has no steps. */
function LoadedNodes({ id }: { id: string }) {
  const { t } = useMessages('ExecutionList');
  const query = useExecution(id);
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ExecutionList" />;
  }
  if (!query.data) {
    return (
      <p role="status">
        <span className="refold-spinner" aria-hidden="true" /> {t('executionList.loadingSteps')}
      </p>
    );
  }
  return <NodeList nodes={query.data.nodes ?? []} />;
}

function NodeList({ nodes }: { nodes: ExecutionNode[] }) {
  const { t } = useMessages('ExecutionList');
  if (nodes.length === 0) return <p className="refold-help">{t('executionList.noSteps')}</p>;
  return (
    <ol className="refold-execution-list__nodes" aria-label={t('executionList.steps')}>
      {nodes.map((node, index) => (
        <li key={node.node_id || index} data-status={node.node_status}>
          <span className="refold-execution-list__name">{node.node_name}</span>
          <span className="refold-badge">{node.node_status.replace(/_/g, ' ')}</span>
          {typeof node.attempts_made === 'number' && typeof node.maximum_attempts === 'number' && (
            <span className="refold-help">
              {t('executionList.attempts', { made: node.attempts_made, max: node.maximum_attempts })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
