import { forwardRef, useEffect, useRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { Execution } from '../../core/types.js';
import type { WorkflowRunResult } from '../../core/run-controls.js';
import { isUnderWay } from '../../react/queries.js';
import { useExecution } from '../../react/useExecution.js';
import { useExecuteWorkflow } from '../../react/useRunControls.js';
import { ErrorState } from '../shared/ErrorState.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';

interface RunNowButtonOwnProps {
  /** The workflow to run. */
  workflowId: string;
  /** Its app (sent as the `slug` header Refold requires). */
  slug: string;
  /** The config to run with. @defaultValue the customer's default config */
  configId?: string;
  /** The run's input. */
  payload?: Record<string, unknown>;
  /** Called when Refold accepted the run. */
  onStarted?: (result: WorkflowRunResult) => void;
  /** Called once the run ended (any status), with the run. */
  onFinished?: (run: Execution) => void;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link RunNowButton}: its own, plus any attribute of the root `<div>`. */
export type RunNowButtonProps = WithRootProps<RunNowButtonOwnProps, HTMLAttributes<HTMLDivElement>>;

const ENDED: Record<string, 'completed' | 'failed' | 'stopped'> = {
  COMPLETED: 'completed',
  ERRORED: 'failed',
  TIMED_OUT: 'failed',
  STOPPED: 'stopped',
};

/**
 * "Sync now": runs a workflow for the customer, then follows the run (polled every 3 s) and shows its
 * progress until it ends. One run at a time: the button is disabled while one is going.
 *
 * `data-state`: `idle | starting | running | completed | failed | stopped | ended | started | error` (`ended`:
 * a status Refold added later; `started`: Refold accepted the run without saying which, so it cannot be
 * followed). The `ref` points at the root `<div>`.
 *
 * @example
 * <RunNowButton workflowId={workflow._id} slug="hubspot" onFinished={(run) => refresh()} />
 */
export const RunNowButton = forwardRef<HTMLDivElement, RunNowButtonProps>(function RunNowButton(
  { workflowId, slug, configId, payload, onStarted, onFinished, className, ...rest },
  ref,
) {
  const { t } = useMessages('RunNowButton');
  const execute = useExecuteWorkflow();
  const [runId, setRunId] = useState<string>();
  const run = useExecution(runId ?? '', { enabled: runId !== undefined });
  const current = runId === undefined ? undefined : run.data;
  const going = current !== undefined && isUnderWay(current);
  // Told once per run, after the render that shows it ended.
  const told = useRef<string>(undefined);
  const latest = useRef(onFinished);
  latest.current = onFinished;
  useEffect(() => {
    if (!current || !runId || going || told.current === runId) return;
    told.current = runId;
    latest.current?.(current);
  }, [current, runId, going]);

  let state = 'idle';
  if (execute.isPending) state = 'starting';
  else if (execute.isError) state = 'error';
  else if (runId && (!current || going)) state = 'running';
  else if (current) state = ENDED[current.status] ?? 'ended';
  else if (execute.isSuccess) state = 'started';
  const busy = state === 'starting' || state === 'running';

  function start() {
    if (busy) return;
    setRunId(undefined);
    execute.mutate(
      { workflowId, slug, configId, payload },
      {
        onSuccess: (result) => {
          setRunId(result.execution_id);
          onStarted?.(result);
        },
      },
    );
  }

  const percent = current?.completion_percentage;
  const status =
    state === 'starting'
      ? t('runNow.starting')
      : state === 'running'
        ? typeof percent === 'number'
          ? t('runNow.progress', { percent })
          : t('runNow.running')
        : state === 'completed'
          ? t('runNow.completed')
          : state === 'failed'
            ? t('runNow.failed')
            : state === 'stopped'
              ? t('runNow.stopped')
              : state === 'ended'
                ? t('runNow.ended', { status: current?.status.replace(/_/g, ' ') ?? '' })
                : state === 'started'
                  ? t('runNow.started')
                  : '';

  return (
    <div {...rest} ref={ref} className={cx('refold-run-now', 'refold-root', className)} data-state={state}>
      <button type="button" className="refold-button" aria-disabled={busy || undefined} onClick={start}>
        {busy && <span className="refold-spinner" aria-hidden="true" />}
        {t('runNow.label')}
      </button>
      {state === 'running' && typeof percent === 'number' && (
        <progress className="refold-run-now__progress" max={100} value={percent} aria-label={status} />
      )}
      <p className="refold-run-now__status" role="status">
        {status}
      </p>
      {execute.isError && <ErrorState error={execute.error} onRetry={start} component="RunNowButton" />}
    </div>
  );
});
