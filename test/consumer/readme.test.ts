// The README and docs/ against the repository: the contributor commands first, every link and anchor
// resolving, every --refold-* variable documented, and the examples that the consumer apps run quoted as
// they are.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const docs = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor of a heading. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

describe('README', () => {
  it('starts with the two set-up commands', () => {
    expect(readme).toMatch(/^# @refold\/react\n\n```sh\nnpm ci && npm start\nnpm ci && npm test\n```\n/);
  });

  it('documents every --refold-* variable of styles.css', () => {
    const css = readFileSync('src/styles.css', 'utf8');
    const variables = new Set(css.match(/--refold-[a-z0-9-]+/g));
    expect(variables.size).toBeGreaterThan(10);
    for (const variable of variables) expect(readme, variable).toContain(`\`${variable}\``);
  });

  it('quotes the files of the consumer apps as they are (the consumer tests type-check and run them)', () => {
    for (const file of [
      'test/consumer/apps/vite-react/src/IntegrationsPage.tsx',
      'test/consumer/apps/vite-react/src/App.test.tsx',
      'test/consumer/apps/node-core/src/session-route.ts',
      'test/consumer/apps/next-app/app/api/refold/session/route.ts',
      'test/consumer/apps/next-app/app/providers.tsx',
      'test/consumer/apps/next-app/app/page.tsx',
      'test/consumer/apps/next-app/app/layout.tsx',
    ]) {
      expect(readme, file).toContain(readFileSync(file, 'utf8'));
    }
  });

  it('calls nothing "planned" that ships', () => {
    expect(readme).not.toMatch(/\bplanned\b/i);
  });
});

describe.each(docs)('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);

  it('links only to files of the repository and to headings that exist', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.filter((target) => !/^https?:/.test(target))) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? file : join(dirname(file), path);
      expect(existsSync(target), link).toBe(true);
      if (anchor !== undefined) {
        const headings = [...readFileSync(target, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
          slug(m[1]!),
        );
        expect(headings, link).toContain(anchor);
      }
    }
  });
});
