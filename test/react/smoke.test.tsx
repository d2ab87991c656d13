import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApplications } from '../../src/react/useApplications.js';
import { reactMajor, renderRefoldHook, setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();

describe(`useApplications on React ${reactMajor}`, () => {
  it('runs on the React major its project names', () => {
    expect(reactMajor).toBe(Number(process.env.EXPECTED_REACT_MAJOR));
  });

  it('loads the app list with one token fetch and one request', async () => {
    const { result, fetchToken } = renderRefoldHook(mock, () => useApplications());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.length).toBeGreaterThanOrEqual(12);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(1);
  });
});
