import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on snippets placed (in memory) in each folder of src.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The layering errors ESLint reports for `code` as if it were the file at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

const use = (statement: string) => `${statement}\nexport const used = [x];\n`;

describe('the lint rules of the layering', () => {
  it.each([
    [
      'src/core',
      'src/core/probe.ts',
      "import { x } from '../react/useRefold.js';",
      /src\/core imports nothing/,
    ],
    [
      'src/core',
      'src/core/probe.ts',
      "import { x } from '../components/index.js';",
      /src\/core imports nothing/,
    ],
    ['src/core', 'src/core/probe.ts', "import { x } from '../i18n/catalog.js';", /src\/core imports nothing/],
    ['src/core', 'src/core/probe.ts', "import { x } from '../testing/index.js';", /testing kit/],
    ['src/core', 'src/core/probe.ts', "import type { x } from 'react';", /framework-free/],
    ['src/core', 'src/core/probe.ts', "import { x } from '@tanstack/react-query';", /framework-free/],
    [
      'src/i18n',
      'src/i18n/sections/probe.ts',
      "import { x } from '../../react/context.js';",
      /src\/i18n imports/,
    ],
    ['src/i18n', 'src/i18n/probe.ts', "import { x } from '../components/index.js';", /src\/i18n imports/],
    ['src/i18n', 'src/i18n/probe.ts', "import { x } from '../testing/index.js';", /testing kit/],
    ['src/i18n', 'src/i18n/probe.ts', "import { x } from 'react';", /framework-free/],
    [
      'src/react',
      'src/react/probe.ts',
      "import { x } from '../components/AppList/AppList.js';",
      /src\/react/,
    ],
    ['src/react', 'src/react/probe.ts', "import { x } from '../testing/render.js';", /testing kit/],
    [
      'src/components',
      'src/components/AppList/probe.tsx',
      "import { x } from '../../testing/mock-refold/index.js';",
      /testing kit/,
    ],
    [
      'src/components (a request of core)',
      'src/components/AppList/probe.tsx',
      "import { createRefoldClient as x } from '../../core/client.js';",
      /through the hooks of src\/react/,
    ],
    [
      'src/components (the connect flow of core)',
      'src/components/shared/probe.ts',
      "import { createConnectFlow as x } from '../../core/connect.js';",
      /through the hooks of src\/react/,
    ],
    [
      'src/components (the core barrel)',
      'src/components/shared/probe.ts',
      "import { isConnected as x } from '../../core/index.js';",
      /through the hooks of src\/react/,
    ],
    ['src (the root entry)', 'src/probe.ts', "import { x } from './testing/index.js';", /testing kit/],
  ])('refuses a forbidden import from %s', async (_layer, filePath, statement, message) => {
    const errors = await layeringErrors(filePath, use(statement));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['src/core', 'src/core/probe.ts', "import { redact as x } from './redact.js';"],
    ['src/react', 'src/react/probe.ts', "import { createRefoldClient as x } from '../core/client.js';"],
    ['src/react', 'src/react/probe.ts', "import { loadCatalog as x } from '../i18n/catalog.js';"],
    [
      'src/components',
      'src/components/AppList/probe.tsx',
      "import { x } from '../../react/useApplications.js';",
    ],
    [
      'src/components',
      'src/components/AppList/probe.tsx',
      "import type { RefoldClient as x } from '../../core/client.js';",
    ],
    [
      'src/components',
      'src/components/AppList/probe.tsx',
      "import { connectionOf as x } from '../../core/connections.js';",
    ],
    [
      'src/components',
      'src/components/shared/probe.ts',
      "import { RefoldApiError as x } from '../../core/errors.js';",
    ],
    ['src/components', 'src/components/shared/probe.ts', "import { x } from '../../i18n/format.js';"],
    ['src/testing', 'src/testing/probe.tsx', "import { x } from '../components/AppList/AppList.js';"],
  ])('allows an import the layering permits from %s', async (_layer, filePath, statement) => {
    expect(await layeringErrors(filePath, use(statement))).toEqual([]);
  });
});
