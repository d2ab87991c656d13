/**
 * `@refold/react/testing`: the testing kit. Browser-safe entry: the in-memory Refold, its fixtures and a
 * `fetchToken` minting from it. Mount the mock with `mockRefoldHandlers` from `./mock-refold/msw.js` (MSW)
 * or `listenMockRefold` from `./mock-refold/node.js` (a Node HTTP server); render under a provider with
 * `renderWithRefold` from `./render.js` (`@refold/react/testing/react`, needs `@testing-library/react`).
 * Those are separate entries so that this one needs neither MSW, Node nor Testing Library.
 *
 * @module
 */
export * from './mock-refold/index.js';
export { createMockFetchToken } from './fetch-token.js';
export type { MockFetchToken, MockFetchTokenOptions, MockTokenHold } from './fetch-token.js';
