import { describeError, errorKind } from './describe-error.js';
import { cx } from './cx.js';
import { useMessages } from './useMessages.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** The error to explain. */
  error: unknown;
  /** Shows a "Try again" button calling this. */
  onRetry?: () => void;
  /** Extra class. */
  className?: string;
  /** Component name for the provider guard. */
  component: string;
}

/** An error message in the user's language, announced, with a retry. @internal */
export function ErrorState({ error, onRetry, className, component }: ErrorStateProps) {
  const { t } = useMessages(component);
  return (
    <div className={cx('refold-error', className)} role="alert" data-error={errorKind(error)}>
      <p className="refold-error__message">{describeError(error, t)}</p>
      {onRetry && (
        <button type="button" className="refold-button" data-variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
