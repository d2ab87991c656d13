/**
 * `@refold/react/testing`: the testing kit. Browser-safe entry: the in-memory Refold and its fixtures.
 * Mount the mock with `mockRefoldHandlers` from `./mock-refold/msw.js` (MSW) or `listenMockRefold` from
 * `./mock-refold/node.js` (a Node HTTP server); those are separate entries so that this one needs neither
 * MSW nor Node.
 *
 * @module
 */
export * from './mock-refold/index.js';
