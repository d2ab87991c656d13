/**
 * `@refold/react/testing/mock`: the testing kit without React: the in-memory Refold, its fixtures and a
 * `fetchToken` minting from it. For Node scripts, servers and browser pages that have no React Testing Library
 * (and for apps installed without React). Mount the mock with `mockRefoldHandlers` from
 * `@refold/react/testing/msw` (MSW) or `listenMockRefold` from `@refold/react/testing/node` (a Node HTTP
 * server). `@refold/react/testing` holds all of this plus `renderWithRefold`.
 *
 * @module
 */
export * from './mock-refold/index.js';
export { createMockFetchToken } from './fetch-token.js';
export type { MockFetchToken, MockFetchTokenOptions, MockTokenHold } from './fetch-token.js';
