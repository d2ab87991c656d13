/**
 * Renders UI inside a `RefoldProvider` talking to the mock Refold, for browser tests: the testing kit's
 * `renderWithRefold` in strict mode, with a `fetchToken` spy (interact through `userEvent` of
 * `vitest/browser` for real, trusted input events).
 *
 * @module
 */
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { FetchToken } from '../../src/core/token.js';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import { renderWithRefold } from '../../src/testing/render.js';
import type { RenderWithRefoldOptions, RenderWithRefoldResult } from '../../src/testing/render.js';

/** Options of {@link renderRefold}: the testing kit's, with `strict` on by default. */
export type RenderRefoldOptions = RenderWithRefoldOptions<FetchToken>;

/**
 * Renders `ui` inside a `RefoldProvider` (strict mode by default) whose `fetchToken` (a spy around the given
 * one, by default one minting from `mock`) is answered with the result.
 *
 * @example
 * const { mock } = setupMockWorker();
 * const screen = renderRefold(<AppList />, { mock });
 * expect(await screen.findByRole('listbox')).toBeTruthy();
 *
 * @example A held token: the UI before the session exists.
 * const fetchToken = createMockFetchToken(mock);
 * const token = fetchToken.hold();
 * const screen = renderRefold(<AppList />, { mock, fetchToken });
 */
export function renderRefold(
  ui: ReactElement,
  options: RenderRefoldOptions,
): RenderWithRefoldResult<Mock<FetchToken>> {
  const { mock, linkedAccountId, fetchToken } = options;
  return renderWithRefold(ui, {
    strict: true,
    ...options,
    fetchToken: vi.fn<FetchToken>(fetchToken ?? createMockFetchToken(mock, { linkedAccountId })),
  });
}
