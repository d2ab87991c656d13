import { forwardRef, useId, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { ExecutionStatus } from '../../core/types.js';
import { useExecutions } from '../../react/useExecutions.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { ExecutionItem } from './ExecutionItem.js';
import { STATUS_LABELS } from './StatusBadge.js';

interface ExecutionListOwnProps {
  /** Only runs of this app. */
  slug?: string;
  /** Only runs of this workflow. */
  workflowId?: string;
  /** Runs per page. @default 10 */
  pageSize?: number;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link ExecutionList}: its own, plus any attribute of the root `<div>`. */
export type ExecutionListProps = WithRootProps<ExecutionListOwnProps, HTMLAttributes<HTMLDivElement>>;

const STATUSES = Object.keys(STATUS_LABELS) as ExecutionStatus[];

/**
 * The customer's workflow runs, newest first: status badges (a status Refold added later shows as itself,
 * neutral), relative start times, a filter by the documented statuses,
 * paging that keeps the current page on screen while the next loads, and expandable rows with each run's
 * steps. Running runs show their progress, and the page refreshes every 3 s while any run on it is under way
 * (queued, running or stopping; a status the library does not know counts as over), until every run on it
 * has ended; it pauses while the browser tab is hidden and stops when the list unmounts.
 *
 * State in `data-state`: `loading`, `ready`, `empty`, `error`; `aria-busy` while another page loads. The
 * `ref` points at the root `<div>`.
 *
 * @example
 * <ExecutionList slug="hubspot" />
 */
export const ExecutionList = forwardRef<HTMLDivElement, ExecutionListProps>(function ExecutionList(
  { slug, workflowId, pageSize = 10, className, ...rest },
  ref,
) {
  const { t } = useMessages('ExecutionList');
  const id = useId();
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  // The page belongs to one set of filters: any other set starts on page 1.
  const filters = `${slug ?? ''}\u0000${workflowId ?? ''}\u0000${status}\u0000${pageSize}`;
  const [paging, setPaging] = useState({ filters, page: 1 });
  const page = paging.filters === filters ? paging.page : 1;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const query = useExecutions({ page, limit: pageSize, slug, workflowId, status: status || undefined });
  const { data } = query;
  const busy = query.isPlaceholderData;
  const state = query.isError ? 'error' : !data ? 'loading' : data.docs.length === 0 ? 'empty' : 'ready';
  const totalPages = data?.totalPages ?? 0;
  const goTo = (next: number) => {
    if (next >= 1 && next <= totalPages && next !== page) setPaging({ filters, page: next });
  };
  const toggle = (runId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-execution-list', 'refold-root', className)}
      data-state={state}
      aria-busy={busy || state === 'loading' || undefined}
    >
      <div className="refold-execution-list__bar">
        <label className="refold-label" htmlFor={`${id}-status`}>
          {t('executionList.statusFilter')}
        </label>
        <select
          id={`${id}-status`}
          className="refold-input"
          value={status}
          onChange={(e) => setStatus(e.target.value as ExecutionStatus | '')}
        >
          <option value="">{t('executionList.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABELS[s])}
            </option>
          ))}
        </select>
      </div>
      {query.isError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ExecutionList" />
      )}
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('executionList.loading')}
        </p>
      )}
      {data && data.docs.length === 0 && (
        <p role="status" className="refold-help">
          {status ? t('executionList.noMatch') : t('executionList.empty')}
        </p>
      )}
      {data && data.docs.length > 0 && (
        <ul className="refold-execution-list__items" aria-label={t('executionList.label')}>
          {data.docs.map((run, index) => {
            // A run Refold sent without an id is told apart by its place on the page.
            const key = run._id ?? `row-${index}`;
            return (
              <ExecutionItem
                key={key}
                execution={run}
                panelId={`${id}-${key}`}
                expanded={expanded.has(key)}
                onToggle={() => toggle(key)}
              />
            );
          })}
        </ul>
      )}
      {totalPages > 1 && (
        <nav className="refold-execution-list__bar" aria-label={t('executionList.pagination')}>
          <button
            type="button"
            className="refold-button"
            data-variant="secondary"
            aria-disabled={page <= 1 || undefined}
            onClick={() => goTo(page - 1)}
          >
            {t('executionList.previous')}
          </button>
          <span aria-live="polite">
            {t('executionList.pageOf', { page, total: totalPages })}
            {busy && (
              <>
                {' '}
                <span className="refold-spinner" aria-hidden="true" />
                <span className="refold-visually-hidden">{t('common.loading')}</span>
              </>
            )}
          </span>
          <button
            type="button"
            className="refold-button"
            data-variant="secondary"
            aria-disabled={page >= totalPages || undefined}
            onClick={() => goTo(page + 1)}
          >
            {t('executionList.next')}
          </button>
        </nav>
      )}
    </div>
  );
});
