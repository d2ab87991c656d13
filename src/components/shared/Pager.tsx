import type { Page } from '../../core/types.js';
import { useMessages } from './useMessages.js';

/** Props of {@link Pager}. @internal */
export interface PagerProps {
  /** The page shown (its numbers and whether there is a page before or after). */
  page: Pick<Page<unknown>, 'page' | 'totalPages' | 'hasPrevPage' | 'hasNextPage'>;
  /** Goes to another page. */
  onPage: (page: number) => void;
  /** Accessible name of the navigation. */
  label: string;
  /** Class of the `<nav>`. */
  className: string;
  /** Component name for the provider guard. */
  component: string;
}

/** Previous / "Page n of m" / Next, for a paged list; nothing when there is one page. @internal */
export function Pager({ page, onPage, label, className, component }: PagerProps) {
  const { t } = useMessages(component);
  if (page.totalPages <= 1) return null;
  return (
    <nav className={className} aria-label={label}>
      <button
        type="button"
        className="refold-button"
        data-variant="secondary"
        aria-disabled={!page.hasPrevPage || undefined}
        onClick={() => page.hasPrevPage && onPage(page.page - 1)}
      >
        {t('executionList.previous')}
      </button>
      <span aria-live="polite">{t('executionList.pageOf', { page: page.page, total: page.totalPages })}</span>
      <button
        type="button"
        className="refold-button"
        data-variant="secondary"
        aria-disabled={!page.hasNextPage || undefined}
        onClick={() => page.hasNextPage && onPage(page.page + 1)}
      >
        {t('executionList.next')}
      </button>
    </nav>
  );
}
