/**
 * MCP servers (`client.mcpServers`): list, get, create, update, remove. The reference documents **no URL or
 * endpoint** for a server and no owner: its routes accept a session token, yet describe the records as the
 * org's and environment's. So whether a customer sees only their own servers, and where an MCP client
 * would connect, are not documented: the record is kept as sent and nothing is derived from it.
 *
 * @module
 */
import { objectArg, textArg } from './args.js';
import type { RequestOptions } from './client.js';
import { pageQuery } from './resource.js';
import type { PageParams, Send } from './resource.js';
import type { Page } from './types.js';
import { bool, checker, id, listOf, merge, nothing, obj, page, reader, str } from './validate.js';

/** An MCP server (`MCPCrud`), kept as sent (see the module comment for what the reference leaves open). */
export interface McpServer {
  /** Server id. */
  _id: string;
  /** Name; empty when Refold sends none. */
  name: string;
  /** Description. */
  description?: string;
  /** Name the agent answers as. */
  agent_name?: string;
  /** System prompt. */
  base_prompt?: string;
  /** Asks before actions that change data. */
  safe_mode?: boolean;
  /** Brand colour. */
  primary_color?: string;
  /** Second brand colour. */
  secondary_color?: string;
  /** Prompt suggestions `{ name, prompt }`, kept as sent. */
  suggestions?: unknown[];
  /** Apps with their workflows and actions `{ slug, workflows, actions }`, kept as sent. */
  associated_apps?: unknown[];
  /** `test` or `production`. */
  environment?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** ISO 8601. */
  updatedAt?: string;
  /** Anything else Refold sends (`chains`, `notebooks` …). */
  [key: string]: unknown;
}

/** A new MCP server: both fields are required by the reference. */
export interface McpServerCreateInput {
  /** Name. */
  name: string;
  /** Description. */
  description: string;
}

/**
 * Fields an update writes (patch-style: only those given are written; `undefined` ones are left out). Other
 * documented fields (`chains` …) may be passed as well.
 */
export type McpServerUpdateInput = Partial<
  Pick<
    McpServer,
    | 'name'
    | 'description'
    | 'agent_name'
    | 'base_prompt'
    | 'safe_mode'
    | 'primary_color'
    | 'secondary_color'
    | 'suggestions'
    | 'associated_apps'
  >
> & { [key: string]: unknown };

/** MCP servers (see {@link McpServer} for what the reference leaves open). */
export interface McpServerMethods {
  /** A page of servers, newest first. */
  list(params?: PageParams, options?: RequestOptions): Promise<Page<McpServer>>;
  /** One server with every field. */
  get(id: string, options?: RequestOptions): Promise<McpServer>;
  /** Creates a server (Refold answers 201 `{ _id, name, description }`). */
  create(input: McpServerCreateInput, options?: RequestOptions): Promise<McpServer>;
  /** Writes the given fields only. */
  update(id: string, input: McpServerUpdateInput, options?: RequestOptions): Promise<McpServer>;
  /** Deletes a server (204). */
  remove(id: string, options?: RequestOptions): Promise<void>;
}

/** Checks an MCP server; only `_id` is required. */
export const mcpServer = checker<McpServer>((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const text = (key: string) => read(key, str);
  return merge<McpServer>(o, {
    _id: id(o._id ?? o.id, `${path}._id`),
    name: text('name') ?? '',
    description: text('description'),
    agent_name: text('agent_name'),
    base_prompt: text('base_prompt'),
    safe_mode: read('safe_mode', bool),
    primary_color: text('primary_color'),
    secondary_color: text('secondary_color'),
    suggestions: read(
      'suggestions',
      listOf((v) => v),
    ),
    associated_apps: read(
      'associated_apps',
      listOf((v) => v),
    ),
    environment: text('environment'),
    createdAt: text('createdAt'),
    updatedAt: text('updatedAt'),
  });
});

/** Checks a page of MCP servers. */
export const mcpServerPage = page(mcpServer);

/** The MCP-server methods of the client. @internal */
export function mcpServerMethods(go: Send): McpServerMethods {
  return {
    list: (params = {}, opts) =>
      go('listMcpServers', {}, mcpServerPage, opts, { query: pageQuery('mcpServers.list', params) }),
    get: (serverId, opts) =>
      go('getMcpServer', { id: textArg('mcpServers.get', 'id', serverId) }, mcpServer, opts),
    create: (input, opts) => {
      const where = 'mcpServers.create';
      const name = textArg(where, 'name', input?.name);
      const description = textArg(where, 'description', input.description);
      return go('createMcpServer', {}, mcpServer, opts, { body: { name, description } });
    },
    update: (serverId, input, opts) => {
      const where = 'mcpServers.update';
      const path = { id: textArg(where, 'id', serverId) };
      const fields = objectArg(where, 'input', input, 'an object of the fields to write') ?? {};
      const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return go('updateMcpServer', path, mcpServer, opts, { body });
    },
    remove: (serverId, opts) =>
      go('removeMcpServer', { id: textArg('mcpServers.remove', 'id', serverId) }, nothing, opts),
  };
}
