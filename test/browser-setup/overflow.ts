/**
 * Layout checks for narrow and wide screens, run in the page: the stories (.storybook/preview.tsx) and the
 * demo pages (test/e2e/layout.test.ts).
 *
 * @module
 */

/**
 * What spills out of `root` sideways, as readable lines (empty: nothing). Reports:
 * - `root` itself scrolling sideways (`scrollWidth > clientWidth`);
 * - a visible element reaching past `root`'s left or right edge;
 * - a box that clips its content sideways without saying so (no `text-overflow: ellipsis`, no line clamp).
 *
 * The contents of scroll containers and clipping boxes count as inside (their overflow is their design).
 * Modal dialogs (the top layer, sized by the viewport) are checked only when `root` is the whole document.
 * Self-contained, so that it can be passed to Playwright's `page.evaluate`.
 */
export function findOverflow(root: Element): string[] {
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList]
      .slice(0, 2)
      .map((name) => `.${name}`)
      .join('');
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${element.tagName.toLowerCase()}${id}${classes}> "${text}"`;
  };
  const problems: string[] = [];
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`${describe(root)} scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
  }
  const edge = root.getBoundingClientRect();
  const left = root === document.documentElement ? 0 : edge.left;
  const right = root === document.documentElement ? root.clientWidth : edge.right;
  // Elements whose overflow is contained: their descendants are not checked against the root's edges.
  const contained = new Set<Element>();
  for (const element of root.querySelectorAll('*')) {
    const parent = element.parentElement;
    if (parent && parent !== root && contained.has(parent)) {
      contained.add(element);
      continue;
    }
    if (root !== document.documentElement && element.matches('dialog:modal, dialog:modal *')) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const visible =
      style.visibility !== 'hidden' && style.display !== 'contents' && box.width > 1 && box.height > 1;
    if (visible && (box.right > right + 1 || box.left < left - 1)) {
      problems.push(
        `${describe(element)} spans ${Math.round(box.left)}…${Math.round(box.right)} px, outside ${Math.round(left)}…${Math.round(right)} px`,
      );
    }
    if (style.overflowX === 'visible') continue;
    contained.add(element);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const truncates = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
    if (visible && clips && !truncates && element.scrollWidth > element.clientWidth + 1) {
      problems.push(
        `${describe(element)} cuts its content: ${element.scrollWidth} > ${element.clientWidth} px`,
      );
    }
  }
  return problems;
}
