import type { QueryClient } from '@tanstack/react-query';
import type { Config } from '../core/types.js';
import { refoldKeys } from './keys.js';

/**
 * The `config_id` a config call sends: the id given, else the id of the cached default config (so that the
 * call acts on the very config on screen), else none (Refold then uses the default config). @internal
 */
export function configIdToSend(
  queryClient: QueryClient,
  scope: string,
  slug: string,
  configId: string | undefined,
  connectionId?: string,
): string | undefined {
  return (
    configId ??
    queryClient.getQueryData<Config>(refoldKeys.config(scope, slug, undefined, connectionId))?.config_id
  );
}
