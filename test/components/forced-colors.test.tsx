import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { AppList } from '../../src/components/AppList/index.js';
import { ConfigForm } from '../../src/components/ConfigForm/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { APPS_PATH } from './catalog-fixtures.js';

/** Turns Chromium's forced colours (as Windows High Contrast does) on or off. */
async function emulateForcedColors(active: boolean) {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }],
  });
}

/** What a CSS system colour (`Highlight`, `CanvasText`…) resolves to on this page right now. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/**
 * Forced colours drop box shadows and replace author colours with the user's system colours, so states drawn
 * only with a tint must be redrawn with system colours to stay visible.
 */
describe('forced colours', () => {
  const { mock } = setupMockWorker();

  beforeEach(async () => {
    await emulateForcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
  });
  afterEach(() => emulateForcedColors(false));

  it('marks the selected app and the pressed category with Highlight, their text in HighlightText', async () => {
    const screen = renderRefold(<AppList />, { mock });
    const listbox = await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
    const [unselected, selected] = listbox.querySelectorAll('[role="option"]');
    await userEvent.click(selected!);
    expect(selected).toHaveAttribute('aria-selected', 'true');
    const nameColor = (option: Element) =>
      getComputedStyle(option.querySelector('.refold-app-card__name')!).color;
    expect(getComputedStyle(selected!).backgroundColor).toBe(systemColor('Highlight'));
    expect(nameColor(selected!)).toBe(systemColor('HighlightText'));
    expect(getComputedStyle(unselected!).backgroundColor).not.toBe(systemColor('Highlight'));
    expect(nameColor(unselected!)).toBe(systemColor('CanvasText'));

    const crm = screen.getByRole('button', { name: 'CRM' });
    await userEvent.click(crm);
    await userEvent.unhover(crm);
    expect(crm).toHaveAttribute('aria-pressed', 'true');
    const finance = getComputedStyle(screen.getByRole('button', { name: 'Finance', pressed: false }));
    expect([getComputedStyle(crm).backgroundColor, getComputedStyle(crm).color]).toEqual([
      systemColor('Highlight'),
      systemColor('HighlightText'),
    ]);
    expect([finance.backgroundColor, finance.color]).not.toContain(systemColor('Highlight'));
  });

  it('shows a workflow switch’s thumb in both states, on Highlight while on', async () => {
    const screen = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    const on = await screen.findByRole('switch', { name: 'Log calls in HubSpot' });
    const off = screen.getByRole('switch', { name: 'Sync contacts to HubSpot' });
    await userEvent.click(on);
    expect(on).toHaveAttribute('aria-checked', 'true');
    expect(off).toHaveAttribute('aria-checked', 'false');
    const track = (el: Element) => getComputedStyle(el).backgroundColor;
    const thumb = (el: Element) => getComputedStyle(el, '::before').backgroundColor;
    expect([track(on), thumb(on)]).toEqual([systemColor('Highlight'), systemColor('HighlightText')]);
    expect(thumb(off)).toBe(systemColor('ButtonText'));
    expect(thumb(off)).not.toBe(track(off));
  });

  it('draws an invalid field with a thicker, dashed border, as its red is lost', async () => {
    const screen = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    const json = await screen.findByRole('textbox', { name: 'Extra payload (JSON)' });
    const valid = screen.getByRole('textbox', { name: 'Record name prefix' });
    await userEvent.fill(json, '{,}');
    expect(json).toHaveAttribute('aria-invalid', 'true');
    const border = (el: Element) => [
      getComputedStyle(el).borderTopStyle,
      getComputedStyle(el).borderTopWidth,
    ];
    expect(border(json)).toEqual(['dashed', '2px']);
    expect(border(valid)).toEqual(['solid', '1px']);
  });

  it('keeps the spinner’s ring in CanvasText with its gap open, so it is seen turning', async () => {
    const apps = mock.hold({ path: APPS_PATH });
    const screen = renderRefold(<AppList />, { mock });
    await apps.arrived;
    const spinner = getComputedStyle(screen.container.querySelector('.refold-spinner')!);
    const ring = [spinner.borderTopColor, spinner.borderBottomColor, spinner.borderLeftColor];
    expect(ring).toEqual(Array(3).fill(systemColor('CanvasText')));
    expect(spinner.borderRightColor).toBe('rgba(0, 0, 0, 0)');
    apps.release();
    await screen.findByRole('listbox');
  });

  it('strokes the search icon in the field’s text colour, not the author’s muted grey', async () => {
    const screen = renderRefold(<AppList />, { mock });
    const search = await screen.findByRole('searchbox', { name: 'Search apps' });
    const icon = screen.container.querySelector('.refold-search__icon')!;
    expect(getComputedStyle(icon).stroke).toBe(systemColor('FieldText'));
    expect(getComputedStyle(icon).stroke).toBe(getComputedStyle(search).color);
  });
});
