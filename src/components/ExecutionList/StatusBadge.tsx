import { isExecutionStatus } from '../../core/validate.js';
import type { ExecutionStatus, ExecutionStatusName } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';

/** The label of each documented run status. @internal */
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

/** `data-status` of a run: its documented status, else `unknown`. @internal */
export function statusAttribute(status: ExecutionStatusName): ExecutionStatus | 'unknown' {
  return isExecutionStatus(status) ? status : 'unknown';
}

/**
 * A run's status as a labelled badge with a glyph; `data-status` for styling. A status Refold added later
 * (e.g. `QUEUED`) shows as itself, in a neutral badge with `data-status="unknown"`. @internal
 */
/**
 * The words for a run's status: the translated label of a documented one, else the raw value made readable
 * (`QUEUED`, `PAUSED_BY_USER` → "PAUSED BY USER"), else "unknown". Shared by the badge and AppCard's last run.
 * @internal
 */
export function statusLabel(status: ExecutionStatusName, t: Translator['t']): string {
  if (isExecutionStatus(status)) return t(STATUS_LABELS[status]);
  const raw = status.replace(/_/g, ' ').trim();
  return raw ? t('executionList.status.other', { status: raw }) : t('executionList.status.unknown');
}

export function StatusBadge({ status, className }: { status: ExecutionStatusName; className?: string }) {
  const { t } = useMessages('ExecutionList');
  const known = isExecutionStatus(status);
  return (
    <span
      className={cx('refold-badge', 'refold-execution-list__status', className)}
      data-status={statusAttribute(status)}
    >
      <span aria-hidden="true">{known ? GLYPHS[status] : '•'}</span> {statusLabel(status, t)}
    </span>
  );
}
