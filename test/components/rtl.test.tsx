import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppList } from '../../src/components/AppList/index.js';
import { ConfigForm } from '../../src/components/ConfigForm/index.js';
import { ExecutionList } from '../../src/components/ExecutionList/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

/** Right-to-left pages (`dir="rtl"` on an ancestor): what marks the start side of a row moves to the right. */
describe('right-to-left', () => {
  const { mock } = setupMockWorker();

  /** The horizontal offset of an element's first box shadow, in px. */
  const shadowX = (el: Element) => parseFloat(/(-?[\d.]+)px/.exec(getComputedStyle(el).boxShadow)![1]!);

  it.each([
    ['ltr', 3],
    ['rtl', -3],
  ] as const)('draws the selected app’s bar on the start side (%s: x offset %i px)', async (dir, x) => {
    const screen = renderRefold(
      <div dir={dir}>
        <AppList />
      </div>,
      { mock },
    );
    const listbox = await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
    const option = listbox.querySelectorAll('[role="option"]')[1]!;
    await userEvent.click(option);
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(shadowX(option)).toBe(x);
  });

  it('indents an expanded run’s steps from the right', async () => {
    const screen = renderRefold(
      <div dir="rtl">
        <ExecutionList />
      </div>,
      { mock },
    );
    await screen.findByRole('list', { name: 'Workflow runs' });
    const toggle = screen.container.querySelector<HTMLButtonElement>('.refold-execution-list__toggle')!;
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = getComputedStyle(document.getElementById(toggle.getAttribute('aria-controls')!)!);
    expect([panel.paddingRight, panel.paddingLeft]).toEqual(['40px', '4px']);
  });

  it('slides a workflow switch’s thumb to the left when it turns on', async () => {
    const screen = renderRefold(
      <div dir="rtl">
        <ConfigForm slug="hubspot" />
      </div>,
      { mock },
    );
    const toggle = await screen.findByRole('switch', { name: 'Log calls in HubSpot' });
    const thumbShift = () => new DOMMatrix(getComputedStyle(toggle, '::before').transform).m41;
    expect(thumbShift()).toBe(0);
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(thumbShift()).toBe(-20);
  });
});
