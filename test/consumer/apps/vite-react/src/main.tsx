import '@refold/react/styles.css';
import { createMockFetchToken, createMockRefold } from '@refold/react/testing/mock';
import { mockRefoldHandlers } from '@refold/react/testing/msw';
import { setupWorker } from 'msw/browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// The testing kit's mock Refold behind MSW's service worker (public/mockServiceWorker.js, from `msw init`).
const mock = createMockRefold();
mock.account('acme').connect('slack', { identifier: 'team@acme.example' });
await setupWorker(...mockRefoldHandlers(mock)).start({ quiet: true, onUnhandledRequest: 'bypass' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App fetchToken={createMockFetchToken(mock, { linkedAccountId: 'acme' })} />
  </StrictMode>,
);
