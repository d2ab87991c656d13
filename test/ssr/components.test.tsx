// @vitest-environment node
import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  AppCard,
  AppList,
  AuthForm,
  ConfigForm,
  ConnectButton,
  ConnectDialog,
  ConnectionList,
  ConnectionStatus,
  DisconnectButton,
  ExecutionDetail,
  ExecutionList,
  HumanTaskForm,
  McpServerEditor,
  McpServerList,
  RunNowButton,
  VariablesForm,
} from '../../src/components/index.js';
import type { FetchToken } from '../../src/core/token.js';
import { RefoldProvider } from '../../src/react/RefoldProvider.js';

const components: [string, ReactElement][] = [
  ['AppList', <AppList key="l" />],
  ['AppCard', <AppCard key="c" slug="slack" />],
  ['ConnectionStatus', <ConnectionStatus key="s" slug="slack" />],
  ['AuthForm', <AuthForm key="a" slug="zendesk" />],
  ['ConnectButton', <ConnectButton key="b" slug="slack" />],
  ['DisconnectButton', <DisconnectButton key="d" slug="slack" />],
  ['ConnectDialog', <ConnectDialog key="g" open onOpenChange={() => undefined} />],
  ['ConfigForm', <ConfigForm key="f" slug="hubspot" />],
  ['ExecutionList', <ExecutionList key="e" />],
  ['RunNowButton', <RunNowButton key="r" workflowId="wf" slug="slack" />],
  ['ExecutionDetail', <ExecutionDetail key="x" executionId="run" />],
  ['VariablesForm', <VariablesForm key="v" definitions={[{ _id: 'd1', name: 'REGION' }]} />],
  ['McpServerList', <McpServerList key="m" />],
  ['McpServerEditor', <McpServerEditor key="n" />],
  ['HumanTaskForm', <HumanTaskForm key="h" taskId="task" />],
  ['ConnectionList', <ConnectionList key="cl" slug="slack" />],
  ['AppCard with connections', <AppCard key="cc" slug="slack" connections />],
  ['AppList with health', <AppList key="lh" health />],
  [
    'ConnectDialog on one app, following deep links',
    <ConnectDialog key="gd" defaultOpen slug="slack" deepLink />,
  ],
];

describe('server rendering of every component (fault case 27)', () => {
  it.each(components)(
    'renders %s with no window, no fetchToken call, no inline style or script',
    (_name, element) => {
      expect(typeof window).toBe('undefined');
      const fetchToken = vi.fn<FetchToken>(async () => 'never');
      const fetchSpy = vi.spyOn(globalThis, 'fetch');
      const html = renderToString(
        <RefoldProvider fetchToken={fetchToken} scope="ssr">
          {element}
        </RefoldProvider>,
      );
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/<script|\sstyle=/i);
      expect(fetchToken).not.toHaveBeenCalled();
      expect(fetchSpy).not.toHaveBeenCalled();
      fetchSpy.mockRestore();
    },
  );
});
