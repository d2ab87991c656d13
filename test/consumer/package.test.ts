import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';

const hookNames = [
  'RefoldProvider',
  'useRefold',
  'refoldKeys',
  'useApplications',
  'useApplication',
  'useConnect',
  'useDisconnect',
  'useConfig',
  'useUpdateConfig',
  'useFieldOptions',
  'useToggleWorkflow',
  'useWorkflows',
  'useExecutions',
  'useExecution',
  'useTriggerEvent',
  'useConnectUrl',
  'useLinkedAccount',
  'createRefoldClient',
  'RefoldError',
  'RefoldApiError',
  'RefoldAuthError',
  'RefoldRateLimitError',
  'RefoldNetworkError',
  'RefoldTimeoutError',
  'RefoldTokenError',
  'RefoldResponseError',
  'RefoldPopupError',
  'AppList',
  'AppCard',
  'ConnectionStatus',
  'AuthForm',
  'ConnectButton',
  'DisconnectButton',
  'ConnectDialog',
  'ConfigForm',
  'ExecutionList',
];

describe('package root', () => {
  it('exports the provider, every hook, the key factory, the client, the errors and the nine components', () => {
    for (const name of hookNames) expect(root, name).toHaveProperty(name);
  });
});

describe('stylesheet', () => {
  it('is one file of --refold-* custom properties, light and dark, with no inline import', () => {
    const css = readFileSync('src/styles.css', 'utf8');
    expect(css).not.toContain('@import');
    expect(css).toMatch(/--refold-accent:/);
    expect(css).toMatch(/--refold-bg: light-dark\(/); // light and dark in one declaration
    expect(css).toContain('color-scheme: light dark'); // follows prefers-color-scheme by default
    expect(css).toContain("[data-theme='dark']");
    expect(css).toContain('prefers-reduced-motion');
    const other = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
    expect(other).toEqual(['styles.css']);
  });
});

describe('built bundle', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'refold-build-'));
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--logLevel', 'error'],
      {
        stdio: 'pipe',
      },
    );
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const files = () =>
    readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));

  it('keeps the "use client" directive on the React entry', () => {
    expect(readFileSync(join(out, 'index.js'), 'utf8')).toMatch(/^["']use client["'];/);
  });

  it('keeps React and TanStack Query out of the core entry', () => {
    const core = readFileSync(join(out, 'core/index.js'), 'utf8');
    expect(core).not.toMatch(/from ["'](react|react-dom|@tanstack\/react-query)["']/);
    expect(core).not.toMatch(/^["']use client["']/);
  });

  it('ships the stylesheet under 5 kB gzipped', () => {
    const css = readFileSync(join(out, 'styles.css'));
    expect(css.toString()).toContain('--refold-accent');
    expect(css.toString()).not.toContain('@import');
    expect(gzipSync(css).length).toBeLessThan(5 * 1024);
  });

  it('has no eval, no new Function and no API-key header anywhere in the library entries', () => {
    for (const file of files().filter((f) => !f.startsWith('testing'))) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).not.toMatch(/\beval\(|new Function\(/);
      expect(text, file).not.toMatch(/x-api-key/i);
    }
  });
});
