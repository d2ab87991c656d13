import { memo, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode, UIEvent } from 'react';
import type { Application } from '../../core/types.js';
import { findByPrefix, spacerBits } from './virtual.js';

/** Rows rendered before the row height is measured (server render, first paint). */
const INITIAL_ROWS = 20;
/** Letters typed within this time form one type-ahead prefix. */
const TYPEAHEAD_MS = 500;

interface AppListboxProps {
  apps: readonly Application[];
  label: string;
  /** The list scrolls back to the top when this changes (new filters). */
  resetKey: string;
  overscan: number;
  onSelect: ((app: Application) => void) | undefined;
  renderItem: (app: Application) => ReactNode;
}

/** Rows standing in for `rows` rows that are not rendered, sized by CSS. */
function Spacer({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return (
    <div className="refold-app-list__spacer" aria-hidden="true">
      {spacerBits(rows).map((bit, index) => (
        <div key={index} data-bit={bit} />
      ))}
    </div>
  );
}

/** A row's content: rendered again only when its app or `renderItem` changes, not when it moves. */
const Item = memo(function Item({
  app,
  renderItem,
}: Pick<AppListboxProps, 'renderItem'> & { app: Application }) {
  return renderItem(app);
});

/**
 * The apps as one listbox, windowed: only the rows in view (plus `overscan`) are in the DOM; each row gives its
 * position with `aria-posinset`/`aria-setsize`. Focus stays on the listbox; the active row is its
 * `aria-activedescendant`. @internal
 */
export function AppListbox({ apps, label, resetKey, overscan, onSelect, renderItem }: AppListboxProps) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: -Infinity });
  const [activeSlug, setActiveSlug] = useState<string>();
  const [selectedSlug, setSelectedSlug] = useState<string>();
  /** Index of the first row in view. */
  const [top, setTop] = useState(0);
  const [size, setSize] = useState({ row: 0, view: 0 });

  // Row and viewport heights, measured once rendered and again whenever the list is resized.
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const row = list.querySelector('[role="option"]')?.getBoundingClientRect().height ?? 0;
      const view = list.clientHeight;
      if (row <= 0) return;
      setSize((old) => (old.row === row && old.view === view ? old : { row, view }));
      // A scroll before this first measure was not turned into a window yet.
      setTop(Math.floor(list.scrollTop / row));
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [resetKey]);

  const count = apps.length;
  const perView = size.row ? Math.max(1, Math.ceil(size.view / size.row)) : INITIAL_ROWS;
  const first = Math.max(0, Math.min(top, count - perView));
  const from = Math.max(0, first - overscan);
  const to = Math.min(count, first + perView + overscan);
  const activeIndex = Math.max(
    0,
    apps.findIndex((app) => app.slug === activeSlug),
  );

  function moveTo(index: number) {
    const target = Math.min(Math.max(index, 0), count - 1);
    const app = apps[target];
    if (!app) return;
    setActiveSlug(app.slug);
    const list = listRef.current;
    if (!list || !size.row) return;
    // Scroll just enough to show the row, and render its window in the same update.
    const y = target * size.row;
    if (y < list.scrollTop) list.scrollTop = y;
    else if (y + size.row > list.scrollTop + list.clientHeight)
      list.scrollTop = y + size.row - list.clientHeight;
    setTop(Math.floor(list.scrollTop / size.row));
  }

  function select(index: number) {
    const app = apps[index];
    if (!app) return;
    setActiveSlug(app.slug);
    setSelectedSlug(app.slug);
    onSelect?.(app);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const { key, timeStamp } = event;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + perView,
      PageUp: activeIndex - perView,
      Home: 0,
      End: count - 1,
    };
    const ahead = typed.current;
    const typingAhead = ahead.text !== '' && timeStamp - ahead.at < TYPEAHEAD_MS;
    if (moves[key] !== undefined) moveTo(moves[key]);
    else if (key === 'Enter' || (key === ' ' && !typingAhead)) select(activeIndex);
    else if ([...key].length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      ahead.text = typingAhead ? ahead.text + key : key;
      ahead.at = timeStamp;
      const index = findByPrefix(apps, ahead.text, activeIndex);
      if (index >= 0) moveTo(index);
    } else return;
    event.preventDefault();
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const option = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (option && event.currentTarget.contains(option)) select(Number(option.dataset.index));
  }

  function onScroll(event: UIEvent<HTMLDivElement>) {
    if (size.row) setTop(Math.floor(event.currentTarget.scrollTop / size.row));
  }

  const rows: ReactNode[] = [];
  for (let index = from; index < to; index++) {
    const app = apps[index];
    if (!app) continue;
    rows.push(
      <div
        key={app.slug}
        id={`${id}-${index}`}
        role="option"
        className="refold-app-list__option"
        aria-selected={app.slug === selectedSlug}
        aria-setsize={count}
        aria-posinset={index + 1}
        data-index={index}
        data-active={index === activeIndex ? '' : undefined}
      >
        <Item app={app} renderItem={renderItem} />
      </div>,
    );
  }

  return (
    <div
      ref={listRef}
      id={id}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeIndex >= from && activeIndex < to ? `${id}-${activeIndex}` : undefined}
      className="refold-app-list__list"
      onKeyDown={onKeyDown}
      onClick={onClick}
      onScroll={onScroll}
    >
      <Spacer rows={from} />
      {rows}
      <Spacer rows={count - to} />
    </div>
  );
}
