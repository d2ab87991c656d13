import type { ExecutionStatus } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';

/** The label of each run status. @internal */
export const STATUS_LABELS: Readonly<Record<ExecutionStatus, MessageKey>> = {
  COMPLETED: 'executionList.status.completed',
  RUNNING: 'executionList.status.running',
  ERRORED: 'executionList.status.errored',
  STOPPED: 'executionList.status.stopped',
  STOPPING: 'executionList.status.stopping',
  TIMED_OUT: 'executionList.status.timedOut',
};

// A shape per status, so that colour is never the only cue (the label is the main one).
const GLYPHS: Readonly<Record<ExecutionStatus, string>> = {
  COMPLETED: '✓',
  RUNNING: '↻',
  ERRORED: '✕',
  STOPPED: '■',
  STOPPING: '□',
  TIMED_OUT: '◷',
};

/** A run's status as a labelled badge with a glyph; `data-status` for styling. @internal */
export function StatusBadge({ status, className }: { status: ExecutionStatus; className?: string }) {
  const { t } = useMessages('ExecutionList');
  return (
    <span className={cx('refold-badge', 'refold-execution-list__status', className)} data-status={status}>
      <span aria-hidden="true">{GLYPHS[status]}</span> {t(STATUS_LABELS[status])}
    </span>
  );
}
