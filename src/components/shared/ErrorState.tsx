import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { describeError, errorKind } from './describe-error.js';
import { cx } from './cx.js';
import { useMessages } from './useMessages.js';

/** Props of {@link ErrorState}: its own, plus attributes of its root `<div>`. */
export interface ErrorStateProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The error to explain. */
  error: unknown;
  /** Shows a "Try again" button calling this. */
  onRetry?: (() => void) | undefined;
  /** Extra class. */
  className?: string | undefined;
  /** Component name for the provider guard. */
  component: string;
}

/** An error message in the user's language, announced, with a retry. @internal */
export const ErrorState = forwardRef<HTMLDivElement, ErrorStateProps>(function ErrorState(
  { error, onRetry, className, component, ...rest },
  ref,
) {
  const { t } = useMessages(component);
  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-error', className)}
      role="alert"
      data-error={errorKind(error)}
    >
      <p className="refold-error__message">{describeError(error, t)}</p>
      {onRetry && (
        <button type="button" className="refold-button" data-variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
});
