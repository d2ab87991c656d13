/**
 * `@refold/react/testing`: the testing kit. The in-memory Refold, its fixtures, a `fetchToken` minting from it
 * (all of `@refold/react/testing/mock`), and `renderWithRefold` / `renderHookWithRefold` to render under a
 * provider talking to that mock (they need `@testing-library/react`, an optional peer). Mount the mock with
 * `mockRefoldHandlers` from `@refold/react/testing/msw` (MSW) or `listenMockRefold` from
 * `@refold/react/testing/node` (a Node HTTP server). Without React or Testing Library installed, import the
 * mock from `@refold/react/testing/mock` instead.
 *
 * @module
 */
export * from './mock.js';
export * from './render.js';
