import { fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppList } from '../../src/components/AppList/index.js';
import type { Application } from '../../src/core/types.js';
import { mockApps } from '../../src/testing/mock-refold/fixtures.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { APPS_PATH, HOSTILE_DESCRIPTION, HOSTILE_NAME, hostileApps, manyApps } from './catalog-fixtures.js';

const { mock, sent } = setupMockWorker();

const listRequests = () => sent().filter((r) => r.method === 'GET' && r.path === APPS_PATH);

async function renderList(props: Parameters<typeof AppList>[0] = {}) {
  const screen = renderRefold(<AppList {...props} />, { mock });
  const listbox = await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
  return { screen, listbox };
}

/** Names of the rendered options, in order. */
function optionNames(listbox: HTMLElement, name = '.refold-app-card__name'): string[] {
  return [...listbox.querySelectorAll(`[role="option"] ${name}`)].map((n) => n.textContent ?? '');
}

/** The name of the option the listbox points at with aria-activedescendant. */
function activeName(listbox: HTMLElement, name = '.refold-app-card__name'): string | undefined {
  const id = listbox.getAttribute('aria-activedescendant');
  return id ? (document.getElementById(id)?.querySelector(name)?.textContent ?? undefined) : undefined;
}

/**
 * Types `text` as if after a pause longer than the type-ahead window (500 ms): the keys carry a time stamp
 * 600 ms after the last key instead of the test waiting that long.
 */
function typeAfterPause(listbox: HTMLElement, text: string) {
  typedAt = Math.max(typedAt, performance.now()) + 600;
  for (const key of text) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: typedAt });
    fireEvent(listbox, event);
  }
}
let typedAt = 0;

/** The polite live region with the count or the state. */
const statusRegion = (container: HTMLElement) => container.querySelector('.refold-app-list__status')!;

describe('AppList', () => {
  it('lists every app with its count, connection state and no axe violations', async () => {
    mock.account('test-customer').connect('slack', { identifier: 'team@acme.example' });
    const { screen, listbox } = await renderList();
    expect(screen.container.querySelector('.refold-app-list')).toHaveAttribute('data-state', 'ready');
    expect(listbox.querySelector('[role="option"]')).toHaveAttribute('aria-setsize', '18');
    expect(optionNames(listbox).slice(0, 2)).toEqual(['Slack', 'HubSpot']);
    expect(screen.getByText('Connected as team@acme.example')).toBeTruthy();
    expect(statusRegion(screen.container)).toHaveTextContent('18 apps');
    await expectNoAxeViolations(screen.container);
  });

  it('shows an announced loading state before the apps arrive', async () => {
    const apps = mock.hold({ path: APPS_PATH });
    const screen = renderRefold(<AppList />, { mock });
    const region = statusRegion(screen.container);
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('Loading apps…');
    expect(screen.container.firstElementChild).toHaveAttribute('data-state', 'loading');
    await apps.arrived;
    await expectNoAxeViolations(screen.container);
    apps.release();
    await screen.findByRole('listbox');
    expect(region).toHaveTextContent('18 apps');
  });

  it('passes axe in the dark theme', async () => {
    mock.account('test-customer').connect('hubspot', { status: 'expired' });
    const screen = renderRefold(
      <div data-theme="dark" style={{ background: 'var(--refold-bg)' }}>
        <AppList />
      </div>,
      { mock },
    );
    await screen.findByRole('listbox');
    await expectNoAxeViolations(screen.container);
  });

  it('filters as the user types, without another request', async () => {
    const { screen, listbox } = await renderList();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search apps' }), 'hub');
    await expect.poll(() => optionNames(listbox)).toEqual(['HubSpot']);
    expect(statusRegion(screen.container)).toHaveTextContent('1 app');
    // Accent- and case-insensitive, on descriptions too.
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'TICKETS');
    await expect.poll(() => optionNames(listbox)).toEqual(['Zendesk', 'Freshdesk']);
    expect(listRequests()).toHaveLength(1);
  });

  it('filters by category with toggle buttons derived from the apps', async () => {
    const { screen, listbox } = await renderList();
    const group = screen.getByRole('group', { name: 'Filter by category' });
    const tags = [...group.querySelectorAll('button')].map((b) => b.textContent);
    expect(tags).toEqual([
      'Communication',
      'CRM',
      'Developer tools',
      'Finance',
      'Marketing',
      'Productivity',
      'Support',
    ]);
    const crm = screen.getByRole('button', { name: 'CRM', pressed: false });
    await userEvent.click(crm);
    expect(crm).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => optionNames(listbox)).toEqual(['HubSpot', 'Salesforce', 'Pipedrive']);
    await userEvent.click(screen.getByRole('button', { name: 'Finance' }));
    await expect.poll(() => optionNames(listbox)).toHaveLength(6);
    await userEvent.click(crm);
    await expect.poll(() => optionNames(listbox)).toEqual(['Stripe', 'QuickBooks', 'Xero']);
    expect(listRequests()).toHaveLength(1);
  });

  it('hovers a category chip with the quiet surface tint and muted border, not the accent tint', async () => {
    const { screen } = await renderList();
    const chip = screen.getByRole('button', { name: 'CRM', pressed: false });
    await userEvent.hover(chip);
    // The theme's colours, resolved where the chip is.
    const probe = document.createElement('span');
    probe.style.background = 'var(--refold-surface)';
    probe.style.borderColor = 'var(--refold-muted)';
    chip.parentElement!.append(probe);
    const { backgroundColor, borderTopColor } = getComputedStyle(chip);
    expect([backgroundColor, borderTopColor]).toEqual([
      getComputedStyle(probe).backgroundColor,
      getComputedStyle(probe).borderTopColor,
    ]);
    probe.remove();
  });

  it('shows connected apps only when asked, including the default', async () => {
    mock.account('test-customer').connect('notion');
    mock.account('test-customer').connect('xero', { status: 'expired' });
    const { screen, listbox } = await renderList({ defaultConnectedOnly: true });
    const checkbox = screen.getByRole('checkbox', { name: 'Connected only' });
    expect(checkbox).toBeChecked();
    expect(optionNames(listbox)).toEqual(['Notion']);
    await userEvent.click(checkbox);
    await expect.poll(() => statusRegion(screen.container).textContent).toContain('18 apps');
  });

  it('shows the empty state when the catalog has no app', async () => {
    mock.inject({ path: APPS_PATH }, { body: [], times: Infinity });
    const screen = renderRefold(<AppList />, { mock });
    await expect.poll(() => screen.container.firstElementChild?.getAttribute('data-state')).toBe('empty');
    expect(screen.getByText('No apps are available yet.')).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    await expectNoAxeViolations(screen.container);
  });

  it('empties the search with its clear button or Escape, keeping the focus in the field', async () => {
    const { screen, listbox } = await renderList();
    const search = screen.getByRole('searchbox', { name: 'Search apps' });
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();
    await userEvent.type(search, 'hub');
    await expect.poll(() => optionNames(listbox)).toEqual(['HubSpot']);
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(search).toHaveValue('');
    expect(document.activeElement).toBe(search);
    await expect.poll(() => statusRegion(screen.container).textContent).toBe(`${mockApps.length} apps`);
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();

    await userEvent.type(search, 'zen');
    await expect.poll(() => optionNames(listbox)).toEqual(['Zendesk']);
    await userEvent.keyboard('{Escape}');
    expect(search).toHaveValue('');
    await expect.poll(() => statusRegion(screen.container).textContent).toBe(`${mockApps.length} apps`);
    // The search's magnifier is decoration only.
    expect(screen.container.querySelector('.refold-search__icon')).toHaveAttribute('aria-hidden', 'true');
    await expectNoAxeViolations(screen.container);
  });

  it('lets Escape on an empty search go on to the page (e.g. to close a dialog)', async () => {
    const { screen } = await renderList();
    const seen: boolean[] = [];
    const listener = (event: KeyboardEvent) => seen.push(event.defaultPrevented);
    document.addEventListener('keydown', listener);
    try {
      await userEvent.type(screen.getByRole('searchbox'), 'x');
      await userEvent.keyboard('{Escape}');
      await userEvent.keyboard('{Escape}');
    } finally {
      document.removeEventListener('keydown', listener);
    }
    // x, then Escape that clears (handled), then Escape on the empty field (not handled).
    expect(seen).toEqual([false, true, false]);
  });

  it('names the clear button in the provider’s locale', async () => {
    const screen = renderRefold(<AppList defaultSearch="x" />, { mock, providerProps: { locale: 'ja' } });
    expect(await screen.findByRole('button', { name: '検索をクリア' })).toBeTruthy();
  });

  it('gives each default row its full name and description as a tooltip', async () => {
    const { listbox } = await renderList();
    const row = listbox.querySelector('[role="option"] .refold-app-list__item');
    expect(row).toHaveAttribute('title', 'Slack — Send notifications and alerts to Slack channels.');
  });

  it('shows the no-match state with a "Clear filters" that restores every app and focuses the search', async () => {
    const screen = renderRefold(<AppList defaultSearch="nothing like this" defaultTags={['CRM']} />, {
      mock,
    });
    const clear = await screen.findByRole('button', { name: 'Clear filters' });
    expect(screen.getByText('No apps match your search or filters.')).toBeTruthy();
    expect(screen.container.firstElementChild).toHaveAttribute('data-state', 'no-match');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(clear);
    const listbox = await screen.findByRole('listbox');
    expect(listbox.querySelector('[role="option"]')).toHaveAttribute('aria-setsize', '18');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    expect(screen.getByRole('button', { name: 'CRM' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('moves the active option with ArrowDown, ArrowUp, Home and End', async () => {
    const { listbox } = await renderList();
    listbox.focus();
    expect(activeName(listbox)).toBe('Slack');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeName(listbox)).toBe('Salesforce');
    await userEvent.keyboard('{ArrowUp}');
    expect(activeName(listbox)).toBe('HubSpot');
    await userEvent.keyboard('{End}');
    expect(activeName(listbox)).toBe('Public Holidays');
    await userEvent.keyboard('{ArrowDown}');
    expect(activeName(listbox)).toBe('Public Holidays');
    await userEvent.keyboard('{Home}');
    expect(activeName(listbox)).toBe('Slack');
    expect(listbox.querySelectorAll('[data-active]')).toHaveLength(1);
  });

  it('jumps with type-ahead to the next app whose name starts with the typed letters', async () => {
    const { listbox } = await renderList();
    listbox.focus();
    await userEvent.keyboard('s');
    expect(activeName(listbox)).toBe('Salesforce');
    await userEvent.keyboard('s'); // the same letter again cycles
    expect(activeName(listbox)).toBe('Stripe');
    typeAfterPause(listbox, 'zen');
    expect(activeName(listbox)).toBe('Zendesk');
    typeAfterPause(listbox, 'q');
    expect(activeName(listbox)).toBe('QuickBooks');
  });

  it('selects the active app with Enter, Space or a click', async () => {
    const onSelect = vi.fn();
    const { listbox } = await renderList({ onSelect });
    listbox.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ slug: 'hubspot' }));
    expect(listbox.querySelector('[aria-selected="true"]')).toHaveTextContent('HubSpot');
    await userEvent.keyboard('{ArrowDown} ');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ slug: 'salesforce' }));
    await userEvent.click(listbox.querySelectorAll('[role="option"]')[3]!);
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ slug: 'zendesk' }));
    expect(activeName(listbox)).toBe('Zendesk');
    expect(listbox.querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('renders rows with a custom renderItem and appends className to the root', async () => {
    const onSelect = vi.fn();
    const { screen, listbox } = await renderList({
      className: 'catalog',
      onSelect,
      renderItem: (app) => <span className="custom-row">{app.slug}</span>,
    });
    expect(screen.container.firstElementChild).toHaveClass('refold-app-list', 'refold-root', 'catalog');
    expect(listbox.querySelector('.custom-row')).toHaveTextContent('slack');
    expect(listbox.querySelector('.refold-app-card')).toBeNull();
    await userEvent.click(listbox.querySelectorAll('.custom-row')[1]!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ slug: 'hubspot' }));
  });

  it('renders a row’s content again only for a new app, not when the active row moves or the list narrows', async () => {
    const rendered: string[] = [];
    const renderItem = (app: Application) => {
      rendered.push(app.slug);
      return <span className="custom-row">{app.name}</span>;
    };
    const { screen, listbox } = await renderList({ renderItem });
    const times = (slug: string) => rendered.filter((s) => s === slug).length;
    expect(times('hubspot')).toBeGreaterThan(0);
    const before = { calls: rendered.length, hubspot: times('hubspot'), salesforce: times('salesforce') };
    listbox.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeName(listbox, '.custom-row')).toBe('Salesforce');
    expect(rendered).toHaveLength(before.calls);
    // Narrowing moves HubSpot and Salesforce up the list; their content is not rendered again.
    await userEvent.type(screen.getByRole('searchbox'), 'crm');
    await expect
      .poll(() => optionNames(listbox, '.custom-row'))
      .toEqual(['HubSpot', 'Salesforce', 'Pipedrive']);
    expect([times('hubspot'), times('salesforce')]).toEqual([before.hubspot, before.salesforce]);
  });

  it('announces result counts in a polite live region that stays in place', async () => {
    const { screen } = await renderList();
    const region = statusRegion(screen.container);
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    await expect.poll(() => region.textContent?.trim()).toBe('No apps match your search or filters.');
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'a');
    await expect.poll(() => region.textContent?.trim()).toMatch(/^\d+ apps$/);
    expect(statusRegion(screen.container)).toBe(region);
  });

  it('shows an error with a retry that refetches', async () => {
    mock.inject({ path: APPS_PATH }, { status: 500 });
    const screen = renderRefold(<AppList />, { mock });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('listbox');
    expect(listRequests()).toHaveLength(2);
  });

  it.each([
    ['45', 'Too many requests. Try again in 45 seconds.'],
    ['600', 'Too many requests. Try again in 10 minutes.'],
    ['99999', 'Too many requests. Try again later.'],
  ])(
    'tells how long to wait when rate limited (429 with Retry-After: %s), in minutes past one',
    async (seconds, text) => {
      mock.inject({ path: APPS_PATH }, { status: 429, headers: { 'retry-after': seconds }, times: 10 });
      const screen = renderRefold(<AppList />, { mock });
      expect(await screen.findByRole('alert')).toHaveTextContent(text);
      expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    },
  );

  it('says the session expired when Refold keeps answering 401', async () => {
    mock.inject({ path: APPS_PATH }, { status: 401, times: 10 });
    const screen = renderRefold(<AppList />, { mock });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has expired.');
    await expectNoAxeViolations(screen.container);
  });

  it('renders hostile names, descriptions and tags as literal text (fault 23)', async () => {
    mock.inject({ path: APPS_PATH }, { body: hostileApps, times: Infinity });
    const { screen, listbox } = await renderList();
    expect(optionNames(listbox)).toContain(HOSTILE_NAME);
    expect(screen.getByText(HOSTILE_DESCRIPTION)).toBeTruthy();
    expect(screen.getByRole('button', { name: '<i>Tag</i>' })).toBeTruthy();
    expect(screen.container.querySelector('script, b, i, img[src="x"]')).toBeNull();
    await expectNoAxeViolations(screen.container);
  });

  it('shows initials instead of icons outside the allow-list (fault 24)', async () => {
    mock.inject({ path: APPS_PATH }, { body: hostileApps, times: Infinity });
    const { screen, listbox } = await renderList();
    expect(screen.container.querySelectorAll('img')).toHaveLength(0);
    expect(listbox.querySelectorAll('[data-fallback]')).toHaveLength(hostileApps.length);
    expect(screen.getByText('PH', { selector: '[data-fallback]' })).toBeTruthy();
  });

  it('shows allowed icons (same origin as baseUrl) as images', async () => {
    const { listbox } = await renderList();
    const img = listbox.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://app.refold.ai/mock-assets/icons/slack.svg');
    expect(img).toHaveAttribute('alt', '');
  });

  describe('with 10,000 apps', () => {
    const apps = manyApps(10_000);
    /** The list of 10,000 apps, once it has measured its rows (the keyboard scrolls by that measure). */
    const render = async () => {
      mock.inject({ path: APPS_PATH }, { body: apps, times: Infinity });
      const rendered = await renderList();
      // The list measures itself in a ResizeObserver created at mount: one created now is called after it.
      await new Promise<void>((resolve) => {
        const observer = new ResizeObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(rendered.listbox);
      });
      return rendered;
    };

    it('renders only a window of rows, each with its position in the whole list', async () => {
      const { screen, listbox } = await render();
      expect(statusRegion(screen.container)).toHaveTextContent('10,000 apps');
      const options = listbox.querySelectorAll('[role="option"]');
      expect(options.length).toBeGreaterThan(3);
      expect(options.length).toBeLessThan(100);
      expect(options[0]).toHaveAttribute('aria-setsize', '10000');
      expect(options[0]).toHaveAttribute('aria-posinset', '1');
      // The spacers give the list the height of every row.
      const row = options[0]!.getBoundingClientRect().height;
      expect(listbox.scrollHeight).toBeCloseTo(row * 10_000, -1);
      expect(screen.container.querySelector('[style]')).toBeNull();
      await expectNoAxeViolations(screen.container);
    });

    it('reveals later rows, in place, when scrolled', async () => {
      const { listbox } = await render();
      const row = listbox.querySelector('[role="option"]')!.getBoundingClientRect().height;
      listbox.scrollTop = 5000 * row;
      await expect.poll(() => optionNames(listbox), { timeout: 5000 }).toContain('Fusion App 05000');
      const option = listbox.querySelector('[aria-posinset="5001"]')!;
      expect(option.getBoundingClientRect().top).toBeCloseTo(listbox.getBoundingClientRect().top + 1, 0);
      expect(listbox.querySelectorAll('[role="option"]').length).toBeLessThan(100);
      expect(optionNames(listbox)).not.toContain('Alpha App 00000');
    });

    it('keeps the active option rendered and in view when the keyboard moves far', async () => {
      const { listbox } = await render();
      listbox.focus();
      await userEvent.keyboard('{End}');
      expect(activeName(listbox)).toBe('Jet App 09999');
      const box = listbox.getBoundingClientRect();
      const active = document
        .getElementById(listbox.getAttribute('aria-activedescendant')!)!
        .getBoundingClientRect();
      expect(active.bottom).toBeLessThanOrEqual(box.bottom + 1);
      expect(active.top).toBeGreaterThanOrEqual(box.top);
      await userEvent.keyboard('b');
      expect(activeName(listbox)).toBe('Bright App 01000');
      await userEvent.keyboard('{PageDown}');
      expect(
        Number(
          document
            .getElementById(listbox.getAttribute('aria-activedescendant')!)!
            .getAttribute('aria-posinset'),
        ),
      ).toBeGreaterThan(1002);
    });

    it('finds one app by search', async () => {
      const { screen, listbox } = await render();
      await userEvent.type(screen.getByRole('searchbox'), 'app 04321');
      await expect.poll(() => optionNames(listbox), { timeout: 5000 }).toEqual(['Echo App 04321']);
      expect(listRequests()).toHaveLength(1);
    });
  });
});
