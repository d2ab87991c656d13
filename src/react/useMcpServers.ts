import { useQuery } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { McpServer, McpServerCreateInput, McpServerUpdateInput } from '../core/mcp-servers.js';
import type { PageParams } from '../core/resource.js';
import type { Page } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import { useRefoldMutation } from './mutation.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/** What {@link useUpdateMcpServer}'s `mutate` takes. */
export interface UpdateMcpServerInput {
  /** The server. */
  id: string;
  /** The fields to write (only these). */
  fields: McpServerUpdateInput;
}

/** A page of MCP servers, newest first. */
export function useMcpServers(
  params: PageParams = {},
  options: RefoldQueryOptions = {},
): UseQueryResult<Page<McpServer>, RefoldError> {
  const context = useRefoldContext('useMcpServers');
  return useQuery(withQueryOptions(refoldQueries.mcpServers(context, params), options), context.queryClient);
}

/** One MCP server with every field Refold sends. */
export function useMcpServer(
  id: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<McpServer, RefoldError> {
  const context = useRefoldContext('useMcpServer');
  return useQuery(withQueryOptions(refoldQueries.mcpServer(context, id), options), context.queryClient);
}

/** Creates an MCP server; the server queries refetch. */
export function useCreateMcpServer(): UseMutationResult<McpServer, RefoldError, McpServerCreateInput> {
  return useRefoldMutation(
    'useCreateMcpServer',
    (client, input) => client.mcpServers.create(input),
    refoldKeys.mcpServers,
  );
}

/** Writes the given fields of an MCP server; the server queries refetch. */
export function useUpdateMcpServer(): UseMutationResult<McpServer, RefoldError, UpdateMcpServerInput> {
  return useRefoldMutation(
    'useUpdateMcpServer',
    (client, { id, fields }) => client.mcpServers.update(id, fields),
    refoldKeys.mcpServers,
  );
}

/** Deletes an MCP server (`mutate(id)`); the server queries refetch. */
export function useRemoveMcpServer(): UseMutationResult<void, RefoldError, string> {
  return useRefoldMutation(
    'useRemoveMcpServer',
    (client, id) => client.mcpServers.remove(id),
    refoldKeys.mcpServers,
  );
}
