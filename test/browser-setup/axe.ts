/**
 * Accessibility checks with axe-core in the browser tests: WCAG 2.0/2.1/2.2 A and AA rules.
 *
 * @module
 */
import axe from 'axe-core';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

/** The rule tags checked: WCAG 2.2 level AA (which includes A, and 2.0/2.1). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe refuses to run twice at once ("Axe is already running"); queue the runs.
let queue: Promise<unknown> = Promise.resolve();

/** Runs axe on `context` with {@link WCAG_AA_TAGS} (plus any `options`) and answers its results. */
export function runAxe(context: ElementContext = document, options: RunOptions = {}): Promise<AxeResults> {
  const run = queue.then(() =>
    axe.run(context, {
      runOnly: { type: 'tag', values: WCAG_AA_TAGS },
      resultTypes: ['violations'],
      ...options,
    }),
  );
  queue = run.catch(() => undefined);
  return run;
}

/** One readable paragraph per violation: rule, impact, help, link, and each failing element. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Fails with a readable list when axe finds WCAG 2.2 AA violations in `container` (default: the document).
 *
 * @example
 * const { container } = renderRefold(<AppList />, { mock });
 * await expectNoAxeViolations(container);
 */
export async function expectNoAxeViolations(
  container: ElementContext = document,
  options: RunOptions = {},
): Promise<void> {
  const { violations } = await runAxe(container, options);
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} accessibility violation(s) (WCAG 2.2 AA):\n${formatViolations(violations)}`,
    );
  }
}
