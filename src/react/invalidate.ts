import type { QueryClient } from '@tanstack/react-query';
import { refoldKeys } from './keys.js';

/** Refetches exactly what a connection change touches: the app list and that one app. @internal */
export function invalidateApp(queryClient: QueryClient, scope: string, slug: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: refoldKeys.applications(scope), exact: true }),
    queryClient.invalidateQueries({ queryKey: refoldKeys.application(scope, slug), exact: true }),
  ]).then(() => undefined);
}
