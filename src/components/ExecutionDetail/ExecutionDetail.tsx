import { forwardRef, useId, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { RefoldApiError } from '../../core/errors.js';
import type { ExecutionNode } from '../../core/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { isUnderWay } from '../../react/queries.js';
import { useExecution } from '../../react/useExecution.js';
import { useNodeBatches, useRerunExecution, useStopExecution } from '../../react/useRunControls.js';
import { StatusBadge } from '../ExecutionList/StatusBadge.js';
import { ErrorState } from '../shared/ErrorState.js';
import { Pager } from '../shared/Pager.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';

interface ExecutionDetailOwnProps {
  /** The run to show. */
  executionId: string;
  /** Called with the new run's id after a rerun (e.g. to show that run instead). */
  onRerun?: (newExecutionId: string | undefined) => void;
  /** Batches per page. @defaultValue 10 */
  batchPageSize?: number;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link ExecutionDetail}: its own, plus any attribute of the root `<div>`. */
export type ExecutionDetailProps = WithRootProps<ExecutionDetailOwnProps, HTMLAttributes<HTMLDivElement>>;

/**
 * One run: its status (refreshed while it runs), Stop while it runs, Run again once it ended, and its
 * steps, each with its batches (paged) on demand. A run of Refold's newer engine has no batch list (Refold
 * answers 501): that is said, not shown as a failure.
 *
 * `data-state`: `loading | running | ended | error`. The `ref` points at the root `<div>`.
 *
 * @example
 * <ExecutionDetail executionId={runId} onRerun={(id) => id && setRunId(id)} />
 */
export const ExecutionDetail = forwardRef<HTMLDivElement, ExecutionDetailProps>(function ExecutionDetail(
  { executionId, onRerun, batchPageSize = 10, className, ...rest },
  ref,
) {
  const { t, locale } = useMessages('ExecutionDetail');
  const query = useExecution(executionId);
  const stop = useStopExecution();
  const rerun = useRerunExecution();
  const run = query.data;
  const running = run !== undefined && isUnderWay(run);
  const state = query.isError ? 'error' : !run ? 'loading' : running ? 'running' : 'ended';
  const actionError = stop.error ?? rerun.error;

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-execution-detail', 'refold-root', className)}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {query.isError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ExecutionDetail" />
      )}
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('executionDetail.loading')}
        </p>
      )}
      {run && (
        <>
          <div className="refold-execution-detail__header">
            <p className="refold-execution-detail__name">{run.name}</p>
            <StatusBadge status={run.status} />
            {run.createdAt && (
              <time className="refold-help" dateTime={run.createdAt}>
                {formatDateTime(run.createdAt, locale)}
              </time>
            )}
          </div>
          <div className="refold-execution-detail__actions">
            {running ? (
              <button
                key="stop"
                type="button"
                className="refold-button"
                data-variant="danger"
                aria-disabled={stop.isPending || undefined}
                onClick={() => !stop.isPending && stop.mutate(executionId)}
              >
                {stop.isPending && <span className="refold-spinner" aria-hidden="true" />}
                {stop.isPending ? t('executionDetail.stopping') : t('executionDetail.stop')}
              </button>
            ) : (
              <button
                key="rerun"
                type="button"
                className="refold-button"
                data-variant="secondary"
                aria-disabled={rerun.isPending || undefined}
                onClick={() =>
                  !rerun.isPending &&
                  rerun.mutate(executionId, { onSuccess: (answer) => onRerun?.(answer.id) })
                }
              >
                {rerun.isPending && <span className="refold-spinner" aria-hidden="true" />}
                {rerun.isPending ? t('executionDetail.rerunning') : t('executionDetail.rerun')}
              </button>
            )}
          </div>
          {actionError && <ErrorState error={actionError} component="ExecutionDetail" />}
          <p className="refold-visually-hidden" role="status">
            {rerun.isSuccess
              ? t('executionDetail.rerunStarted')
              : stop.isSuccess
                ? t('executionDetail.stopped')
                : ''}
          </p>
          <p className="refold-label">{t('executionDetail.steps')}</p>
          {run.nodes && run.nodes.length > 0 ? (
            <ol className="refold-execution-detail__nodes">
              {run.nodes.map((node, index) => (
                <NodeRow
                  key={node.node_id || index}
                  executionId={executionId}
                  node={node}
                  pageSize={batchPageSize}
                />
              ))}
            </ol>
          ) : (
            <p className="refold-help">{t('executionList.noSteps')}</p>
          )}
        </>
      )}
    </div>
  );
});

/** One step, with a disclosure of its batches. */
function NodeRow({
  executionId,
  node,
  pageSize,
}: {
  executionId: string;
  node: ExecutionNode;
  pageSize: number;
}) {
  const { t } = useMessages('ExecutionDetail');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const name = node.node_name || node.node_id;
  return (
    <li className="refold-execution-detail__node" data-status={node.node_status}>
      <span className="refold-execution-detail__node-name">{name}</span>
      {node.node_status && <span className="refold-badge">{node.node_status.replace(/_/g, ' ')}</span>}
      {node.node_id && (
        <button
          type="button"
          className="refold-button"
          data-variant="secondary"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('executionDetail.hideBatches', { name }) : t('executionDetail.showBatches', { name })}
        </button>
      )}
      <div id={panelId} hidden={!open}>
        {open && node.node_id && (
          <Batches executionId={executionId} nodeId={node.node_id} name={name} pageSize={pageSize} />
        )}
      </div>
    </li>
  );
}

/** A node's batches, paged; the current page stays while the next loads. */
function Batches(props: { executionId: string; nodeId: string; name: string; pageSize: number }) {
  const { executionId, nodeId, name, pageSize } = props;
  const { t } = useMessages('ExecutionDetail');
  const [page, setPage] = useState(1);
  const query = useNodeBatches({ executionId, nodeId, page, limit: pageSize });
  if (query.error instanceof RefoldApiError && query.error.status === 501) {
    return <p className="refold-help">{t('executionDetail.batchesUnavailable')}</p>;
  }
  if (query.isError) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ExecutionDetail" />
    );
  }
  const data = query.data;
  if (!data) {
    return (
      <p role="status">
        <span className="refold-spinner" aria-hidden="true" /> {t('common.loading')}
      </p>
    );
  }
  if (data.docs.length === 0) return <p className="refold-help">{t('executionDetail.noBatches')}</p>;
  const first = (data.page - 1) * data.limit;
  return (
    <div className="refold-execution-detail__batches" aria-busy={query.isPlaceholderData || undefined}>
      <ul aria-label={t('executionDetail.batches', { name })}>
        {data.docs.map((batch, index) => (
          <li key={batch._id ?? index} data-status={batch.status}>
            {t('executionDetail.batch', { number: first + index + 1 })}
            {batch.status && <span className="refold-badge">{batch.status.replace(/_/g, ' ')}</span>}
          </li>
        ))}
      </ul>
      <Pager
        page={data}
        onPage={setPage}
        label={t('executionDetail.batchPages', { name })}
        className="refold-execution-detail__pager"
        component="ExecutionDetail"
      />
    </div>
  );
}
