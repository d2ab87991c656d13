import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefoldArgumentError } from '../../src/core/errors.js';
import { buildPath, routes } from '../../src/core/routes.js';

const documented = [
  'GET /api/v2/f-sdk/application',
  'GET /api/v2/f-sdk/application/{slug}',
  'POST /api/v1/{slug}/integrate',
  'POST /api/v2/app/{slug}/save',
  'DELETE /api/v1/linked-acc/integration/{slug}',
  'POST /api/v2/f-sdk/config',
  'GET /api/v2/f-sdk/slug/{slug}/config',
  'GET /api/v2/f-sdk/slug/{slug}/config/{configId}',
  'PUT /api/v2/f-sdk/config',
  'DELETE /api/v2/f-sdk/slug/{slug}/config',
  'DELETE /api/v2/f-sdk/slug/{slug}/config/{configId}',
  'GET /api/v2/public/slug/{slug}/configs',
  'POST /api/v2/public/config/field/{fieldId}',
  'PUT /api/v2/public/config/field/{fieldId}',
  'POST /api/v2/public/config/rule-engine/{fieldId}',
  'PATCH /api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}',
  'GET /api/v2/public/workflow/enabled',
  'GET /api/v2/public/workflow',
  'GET /api/v2/public/execution',
  'GET /api/v2/public/execution/{id}',
  'POST /api/v2/public/event/trigger',
  'POST /api/v2/public/connect-url',
  'GET /api/v2/public/session/active-linked-account',
  'POST /api/v2/public/execution/{id}/stop',
  'POST /api/v2/public/execution/{id}/rerun',
  'GET /api/v2/public/execution/{id}/nodes/{nodeId}/batches',
  'POST /api/v2/public/workflow/{workflowId}/execute',
  'GET /api/v2/public/env/value/{definitionId}',
  'POST /api/v2/public/env/values',
  'GET /api/v2/public/env/values/{scope}',
  'DELETE /api/v2/public/env/values/{valueId}',
  'GET /api/v2/public/mcp-servers',
  'POST /api/v2/public/mcp-servers',
  'GET /api/v2/public/mcp-servers/{id}',
  'PUT /api/v2/public/mcp-servers/{id}',
  'DELETE /api/v2/public/mcp-servers/{id}',
  'GET /api/v2/public/human-tasks/{id}',
  'POST /api/v2/public/human-tasks/{id}',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('route table', () => {
  it('covers every linked-account route of the API reference, and nothing else', () => {
    const table = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(table)).toEqual(new Set(documented));
  });

  it('writes each route path once in src/core', () => {
    const text = sources('src/core')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const path of new Set(Object.values(routes).map((r) => r.path))) {
      expect(text.split(`'${path}'`).length - 1, path).toBe(1);
    }
  });

  it('uses no API-key route and no API-key header anywhere in the library', () => {
    for (const file of sources('src').filter((f) => !f.includes(`${'src'}/testing`))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/x-api-key|linked_account_id/i);
      expect(text, file).not.toMatch(
        /\/api\/v2\/public\/(application|oauth-url|save-key-credentials|session-token)\b/,
      );
    }
  });
});

describe('buildPath', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('getApplication', { slug: 'a b/c' })).toBe('/api/v2/f-sdk/application/a%20b%2Fc');
    expect(buildPath('toggleWorkflow', { slug: 's', configId: 'c', workflowId: 'w' })).toBe(
      '/api/v2/public/slug/s/config/c/workflows/w',
    );
  });

  it('refuses an empty parameter and says which one', () => {
    expect(() => buildPath('getApplication', { slug: '' })).toThrow(RefoldArgumentError);
    expect(() => buildPath('getApplication', { slug: '  ' })).toThrow(/"slug"/);
  });

  it('refuses a parameter the route does not have', () => {
    expect(() => buildPath('listApplications', { slug: 'x' } as never)).toThrow(/has no parameter "slug"/);
  });
});
