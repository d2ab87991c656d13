import { forwardRef, useId, useMemo, useRef, useState } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import { connectionOf } from '../../core/connections.js';
import type { Application } from '../../core/types.js';
import { filterApplications, useApplications } from '../../react/useApplications.js';
import { AppCard } from '../AppCard/index.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { AppListbox } from './AppListbox.js';

interface AppListOwnProps {
  /** Called when the user picks an app (click, Enter or Space). */
  onSelect?: (app: Application) => void;
  /**
   * Renders one row instead of the default `AppCard`. Rows have a fixed height (the CSS variable
   * `--refold-app-list-row-height`, default `5rem`) and are options of a listbox: no buttons or links inside.
   * A row is rendered again when its app or this function changes (keep it stable, e.g. with `useCallback`).
   */
  renderItem?: (app: Application) => ReactNode;
  /** Initial search text. @default '' */
  defaultSearch?: string;
  /** Initial category filter: apps with any of these tags. @default [] */
  defaultTags?: readonly string[];
  /** Initially show connected apps only. @default false */
  defaultConnectedOnly?: boolean;
  /** Rows rendered above and below the visible ones. @default 5 */
  overscan?: number;
  /** Extra class on the root. */
  className?: string;
}

/** Props of {@link AppList}: its own, plus any attribute of the root `<div>`. */
export type AppListProps = WithRootProps<AppListOwnProps, HTMLAttributes<HTMLDivElement>>;

function defaultItem(app: Application) {
  // Rows clamp long names and descriptions; the full text shows on hover (and is read out in full).
  return (
    <div className="refold-app-list__item" title={[app.name, app.description].filter(Boolean).join(' — ')}>
      <AppCard app={app} status={connectionOf(app).state} />
    </div>
  );
}

/** The magnifier in the search field (decorative). */
function SearchIcon() {
  return (
    <svg className="refold-search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="8.5" cy="8.5" r="5.75" />
      <path d="m13 13 4.25 4.25" />
    </svg>
  );
}

/**
 * The app catalog: search (Escape or the clear button empties it), category and "connected only" filters,
 * and the apps as one keyboard-navigable listbox (arrows, Page Up/Down, Home/End, type-ahead, Enter/Space to
 * pick). Filtering needs no request and searches a text folded once per app; only the visible rows are
 * rendered, so each keystroke stays within a frame at 10,000 apps.
 * State in `data-state="loading|error|empty|no-match|ready"`. The `ref` points at the root `<div>`.
 *
 * @example
 * <AppList onSelect={(app) => setSlug(app.slug)} defaultTags={['CRM']} />
 */
export const AppList = forwardRef<HTMLDivElement, AppListProps>(function AppList(
  {
    onSelect,
    renderItem = defaultItem,
    defaultSearch = '',
    defaultTags = [],
    defaultConnectedOnly = false,
    overscan = 5,
    className,
    ...rest
  },
  ref,
) {
  const { t, locale } = useMessages('AppList');
  const { data: apps, error, refetch } = useApplications();
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState(defaultSearch);
  const [tags, setTags] = useState(defaultTags);
  const [connectedOnly, setConnectedOnly] = useState(defaultConnectedOnly);

  const allTags = useMemo(() => {
    const found = new Set(tags);
    for (const app of apps ?? []) for (const tag of app.tags ?? []) found.add(tag);
    return [...found].sort(new Intl.Collator(locale).compare);
  }, [apps, tags, locale]);
  const results = useMemo(
    () =>
      filterApplications(apps ?? [], {
        search,
        tags,
        connected: connectedOnly || undefined,
      }),
    [apps, search, tags, connectedOnly],
  );

  let state: 'loading' | 'error' | 'empty' | 'no-match' | 'ready';
  if (!apps) state = error ? 'error' : 'loading';
  else if (apps.length === 0) state = 'empty';
  else state = results.length ? 'ready' : 'no-match';
  const status = {
    loading: t('appList.loading'),
    error: '',
    empty: t('appList.empty'),
    'no-match': t('appList.noMatch'),
    ready: t('appList.count', { count: results.length }),
  }[state];

  function toggleTag(tag: string) {
    setTags(tags.includes(tag) ? tags.filter((other) => other !== tag) : [...tags, tag]);
  }

  function clearSearch() {
    setSearch('');
    searchRef.current?.focus();
  }

  function clearFilters() {
    setSearch('');
    setTags([]);
    setConnectedOnly(false);
    searchRef.current?.focus();
  }

  const filtering = state === 'ready' || state === 'no-match';
  return (
    <div {...rest} ref={ref} className={cx('refold-app-list', 'refold-root', className)} data-state={state}>
      {filtering && (
        <div className="refold-app-list__filters">
          <div className="refold-field refold-app-list__search">
            <label className="refold-label" htmlFor={`${id}-search`}>
              {t('appList.searchLabel')}
            </label>
            <div className="refold-search">
              <SearchIcon />
              <input
                ref={searchRef}
                id={`${id}-search`}
                type="search"
                className="refold-input refold-search__input"
                autoComplete="off"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => {
                  // Escape clears the text; on an empty field it goes on (e.g. to close a dialog).
                  if (event.key !== 'Escape' || search === '') return;
                  event.preventDefault();
                  setSearch('');
                }}
              />
              {search !== '' && (
                <button
                  type="button"
                  className="refold-search__clear"
                  aria-label={t('appList.clearSearch')}
                  title={t('appList.clearSearch')}
                  onClick={clearSearch}
                >
                  <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <path d="m6 6 8 8m0-8-8 8" />
                  </svg>
                </button>
              )}
            </div>
          </div>
          {allTags.length > 0 && (
            <div role="group" aria-label={t('appList.tagsLabel')} className="refold-app-list__tags">
              {allTags.map((tag) => {
                const pressed = tags.includes(tag);
                return (
                  <button
                    key={tag}
                    type="button"
                    className="refold-button refold-app-list__tag"
                    data-variant={pressed ? undefined : 'secondary'}
                    aria-pressed={pressed}
                    onClick={() => toggleTag(tag)}
                  >
                    {tag}
                  </button>
                );
              })}
            </div>
          )}
          <label className="refold-app-list__connected">
            <input
              type="checkbox"
              checked={connectedOnly}
              onChange={(event) => setConnectedOnly(event.target.checked)}
            />
            {t('appList.connectedOnly')}
          </label>
        </div>
      )}
      <p className="refold-app-list__status" role="status" aria-live="polite">
        {state === 'loading' && (
          <>
            <span className="refold-spinner" aria-hidden="true" />{' '}
          </>
        )}
        {status}
      </p>
      {state === 'error' && <ErrorState component="AppList" error={error} onRetry={() => void refetch()} />}
      {state === 'no-match' && (
        <button type="button" className="refold-button" data-variant="secondary" onClick={clearFilters}>
          {t('appList.clearFilters')}
        </button>
      )}
      {state === 'ready' && (
        <AppListbox
          apps={results}
          label={t('appList.label')}
          resetKey={[search, connectedOnly, ...tags].join('\u0000')}
          overscan={overscan}
          onSelect={onSelect}
          renderItem={renderItem}
        />
      )}
    </div>
  );
});
