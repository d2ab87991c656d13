/**
 * `npm start`: run the mock Refold on 127.0.0.1 (port `PORT`, default 4010) and print how to call it.
 */
import { DEMO_LINKED_ACCOUNT_ID, createMockRefold } from '../src/testing/mock-refold/index.js';
import { listenMockRefold } from '../src/testing/mock-refold/node.js';

const port = Number(process.env['PORT'] ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env['PORT'])}`);
  process.exit(1);
}

// A long-running mock keeps a bounded request log with no credential in it.
const mock = createMockRefold({ redactRecordedCredentials: true });
const server = await listenMockRefold(mock, { port, host: '127.0.0.1' });

const mintCurl =
  `curl -s -X POST '${server.url}/api/v2/public/session-token' ` +
  `-H 'x-api-key: ${mock.apiKey}' -H 'content-type: application/json' ` +
  `-d '{"linked_account_id":"${DEMO_LINKED_ACCOUNT_ID}"}'`;

console.log(`Mock Refold listening on ${server.url}

Test API key:  ${mock.apiKey}
Fixture apps:  ${server.url}/api/v2/f-sdk/application (needs a session token)

Mint a session token for "${DEMO_LINKED_ACCOUNT_ID}" and list its apps:

TOKEN=$(${mintCurl} | sed -E 's/.*"token":"([^"]+)".*/\\1/') && curl -s -H "Authorization: Bearer $TOKEN" '${server.url}/api/v2/f-sdk/application'

Press Ctrl+C to stop.`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the mock Refold…`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Could not close the server cleanly:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
