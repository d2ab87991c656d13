import { AppList } from '@refold/react';
import { Providers } from './providers';

// A server component: AppList and the provider are client components, rendered on the server too.
export default function Page() {
  return (
    <main>
      <h1>Integrations</h1>
      <Providers>
        <AppList />
      </Providers>
    </main>
  );
}
