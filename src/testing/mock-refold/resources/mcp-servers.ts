/**
 * MCP servers: list (paged, newest first), create (`name` and `description` required, 201), get, update
 * (patch-style, documented fields only) and delete (204). The reference describes the records as the
 * org's and environment's yet accepts a session token; the mock keeps each account's servers apart.
 *
 * @module
 */
import { MOCK_ORG_ID } from '../fixtures.js';
import { CORS_HEADERS, badRequest, json, notFound, paginate } from '../http.js';
import { positiveInt, requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import type { AccountState, MockState } from '../state.js';
import { randomHex } from '../tokens.js';

type Server = Record<string, unknown> & { _id: string; createdAt: string };

const serversByAccount = new WeakMap<AccountState, Server[]>();

/** What an update may write, and the JSON type each field must have. */
const WRITABLE: Record<string, 'string' | 'boolean' | 'array'> = {
  name: 'string',
  description: 'string',
  agent_name: 'string',
  primary_color: 'string',
  secondary_color: 'string',
  base_prompt: 'string',
  safe_mode: 'boolean',
  associated_apps: 'array',
  suggestions: 'array',
  chains: 'array',
};

function serversOf(account: AccountState): Server[] {
  let servers = serversByAccount.get(account);
  if (servers === undefined) {
    servers = [];
    serversByAccount.set(account, servers);
  }
  return servers;
}

function serverOr404(account: AccountState, id: string | undefined): Server {
  const server = serversOf(account).find((candidate) => candidate._id === id);
  if (server === undefined) throw notFound(`MCP server not found: ${id ?? ''}`);
  return server;
}

function requiredText(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${key} is required`);
  return value;
}

/** The MCP-server routes. */
export function mcpServerRoutes(state: MockState, route: AddRoute): void {
  const now = (): string => new Date(state.settings.now()).toISOString();

  route('GET', '/api/v2/public/mcp-servers', 'bearer', (context) => {
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10, 100);
    const list = [...serversOf(context.account)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return json(200, paginate(list, pageNumber, limit));
  });

  route('POST', '/api/v2/public/mcp-servers', 'bearer', (context) => {
    const body = requireObject(context);
    const name = requiredText(body, 'name');
    const description = requiredText(body, 'description');
    const time = now();
    const server: Server = {
      _id: `66c0${randomHex(20)}`,
      name,
      description,
      agent_name: name,
      base_prompt: '',
      safe_mode: true,
      suggestions: [],
      associated_org_id: MOCK_ORG_ID,
      associated_apps: [],
      chains: [],
      notebooks: [],
      environment: 'test',
      createdAt: time,
      updatedAt: time,
    };
    serversOf(context.account).push(server);
    return json(201, { _id: server._id, name, description });
  });

  route('GET', '/api/v2/public/mcp-servers/:id', 'bearer', (context) =>
    json(200, serverOr404(context.account, context.params['id'])),
  );

  route('PUT', '/api/v2/public/mcp-servers/:id', 'bearer', (context) => {
    const server = serverOr404(context.account, context.params['id']);
    const body = requireObject(context);
    for (const [key, value] of Object.entries(body)) {
      const type = WRITABLE[key];
      if (type === undefined) throw badRequest(`${key} cannot be updated`);
      const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
      if (!ok) throw badRequest(`${key} must be ${type === 'array' ? 'an array' : `a ${type}`}`);
      if (key === 'name' && (value as string).trim() === '') throw badRequest('name must not be empty');
    }
    Object.assign(server, body, { updatedAt: now() });
    return json(200, server);
  });

  route('DELETE', '/api/v2/public/mcp-servers/:id', 'bearer', (context) => {
    const servers = serversOf(context.account);
    const server = serverOr404(context.account, context.params['id']);
    servers.splice(servers.indexOf(server), 1);
    return new Response(null, { status: 204, headers: CORS_HEADERS });
  });
}
