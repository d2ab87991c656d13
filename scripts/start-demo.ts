/**
 * `npm start`: builds the demo front end and serves it with its backend (demo/server).
 *
 * - No `REFOLD_API_KEY`: an embedded mock Refold runs in this process (no account, no network).
 * - `REFOLD_API_KEY` (and optionally `REFOLD_BASE_URL`): the same backend talks to real Refold; the key stays
 *   in this process, the browser only gets session tokens.
 * - `PORT` (default 3000): the next free port is taken when it is busy.
 */
import { buildDemo } from '../demo/build.js';
import { startDemo } from '../demo/server/index.js';
import type { RunningDemo } from '../demo/server/index.js';
import { mintSessionToken, SessionTokenError } from '../demo/server/refold-session.js';
import type { RefoldServerConfig } from '../demo/server/refold-session.js';
import { NORTHWIND } from '../demo/server/customers.js';

/** A problem worth one clear line, not a stack trace. */
class StartError extends Error {}

function portFromEnv(): number {
  const raw = process.env['PORT'];
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartError(`PORT must be a port number (0–65535), got ${JSON.stringify(raw)}.`);
  }
  return port;
}

/** Real Refold from the environment, or `undefined` for the embedded mock. */
function refoldFromEnv(): RefoldServerConfig | undefined {
  const apiKey = process.env['REFOLD_API_KEY'];
  const baseUrl = process.env['REFOLD_BASE_URL']?.trim() || 'https://app.refold.ai';
  if (apiKey === undefined) {
    if (process.env['REFOLD_BASE_URL']) {
      throw new StartError(
        'REFOLD_BASE_URL is set but REFOLD_API_KEY is missing. Set both to use real Refold, or neither for the ' +
          'embedded mock.',
      );
    }
    return undefined;
  }
  if (apiKey.trim() === '') {
    throw new StartError(
      'REFOLD_API_KEY is empty. Set it to your Refold API key, or unset it for the embedded mock.',
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new StartError(`REFOLD_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}.`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new StartError(`REFOLD_BASE_URL must use https (http only for localhost), got ${url.origin}.`);
  }
  if (!/^(pk|tk)/i.test(apiKey.trim())) {
    console.warn('Note: REFOLD_API_KEY does not start with "pk" (live) or "tk" (test) as Refold keys do.');
  }
  return { baseUrl: url.origin, apiKey: apiKey.trim() };
}

/** Fails early, with Refold's own words, when the key is refused. */
async function checkKey(refold: RefoldServerConfig): Promise<void> {
  try {
    await mintSessionToken(refold, NORTHWIND.linkedAccountId);
  } catch (error) {
    if (error instanceof SessionTokenError) throw new StartError(error.message);
    throw error;
  }
}

async function main(): Promise<RunningDemo> {
  const port = portFromEnv();
  const refold = refoldFromEnv();
  const started = Date.now();
  if (refold) {
    console.log(`Checking the API key with ${refold.baseUrl}…`);
    await checkKey(refold);
  }
  console.log('Building the demo front end…');
  const staticDir = await buildDemo();
  const demo = await startDemo({ staticDir, port, ...(refold && { refold }) });
  if (demo.port.used !== demo.port.requested && demo.port.requested !== 0) {
    console.log(`Port ${demo.port.requested} is busy; using ${demo.port.used} instead.`);
  }
  const backend =
    demo.mode === 'mock'
      ? 'an embedded mock Refold (no account or network needed)'
      : `Refold at ${demo.refoldBaseUrl} (the API key stays on this server)`;
  console.log(`
  Acme CRM demo, ready in ${((Date.now() - started) / 1000).toFixed(1)} s:

    ${demo.url}

  Backed by ${backend}.
  Press Ctrl+C to stop.
`);
  return demo;
}

let demo: RunningDemo | undefined;
let stopping = false;
function stop(signal: NodeJS.Signals) {
  // A second Ctrl+C while closing: leave at once.
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`\n${signal}: stopping the demo…`);
  (demo?.close() ?? Promise.resolve()).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  demo = await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nCould not start the demo: ${message}`);
  if (!(error instanceof StartError) && process.env['DEBUG']) console.error(error);
  process.exit(1);
}
