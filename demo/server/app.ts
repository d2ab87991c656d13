/**
 * The demo's backend as one `node:http` request handler:
 *
 * - `POST /api/refold/session`: the route your backend needs. Finds the signed-in customer (here a cookie),
 *   maps it to its linked account **on the server**, mints a session token with the API key and answers
 *   `{ token, expires_in }` only.
 * - `GET /api/demo/me`, `POST /api/demo/sign-in`: the demo's pretend sign-in (pick a customer).
 * - Everything else: the built front end (`index.html` for unknown paths, so client-side routes reload).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { DEMO_CUSTOMERS, NORTHWIND, findCustomer, publicCustomer } from './customers.js';
import type { DemoCustomer } from './customers.js';
import { mintSessionToken, SessionTokenError } from './refold-session.js';
import type { RefoldServerConfig, SessionTokenFailure } from './refold-session.js';

/** Options of {@link createDemoHandler}. */
export interface DemoHandlerOptions {
  /** The built front end (`vite build` output). */
  staticDir: string;
  /** Refold's origin and the API key (real Refold, or the embedded mock). */
  refold: RefoldServerConfig;
  /** Shown in the UI: the embedded mock or real Refold. */
  mode: 'mock' | 'refold';
  /** Where problems are reported. @default console.error */
  log?: (line: string) => void;
}

const COOKIE = 'demo_customer';
const MAX_BODY_BYTES = 16 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The `error` code the browser gets for each kind of failed mint. */
const FAILURE_CODES: Readonly<Record<SessionTokenFailure, string>> = {
  'rejected-key': 'refold_rejected_key',
  unreachable: 'refold_unreachable',
  refold: 'refold_error',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function signInCookie(customer: DemoCustomer): string {
  // HttpOnly: page scripts never see it; SameSite=Strict: other sites cannot use it.
  return `${COOKIE}=${encodeURIComponent(customer.id)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The JSON body of a same-origin POST (other sites cannot post JSON here: CORS preflight, Fetch Metadata). */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    throw new HttpError(403, 'cross_site', 'Only this site may call this route.');
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'json_only', 'Send a JSON body (content-type: application/json).');
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', 'The request body is too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below.
  }
  throw new HttpError(400, 'bad_json', 'The request body must be a JSON object.');
}

/**
 * The page's Content-Security-Policy: no inline script or style anywhere (the library needs none), and the
 * page may talk to this server and to Refold only.
 */
function contentSecurityPolicy(refoldOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: https: ${refoldOrigin}`,
    `connect-src 'self' ${refoldOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Creates the request handler of the demo server. */
export function createDemoHandler(options: DemoHandlerOptions) {
  const { refold, mode, log = (line: string) => console.error(line) } = options;
  const staticDir = resolve(options.staticDir);
  const refoldOrigin = new URL(refold.baseUrl).origin;
  const csp = contentSecurityPolicy(refoldOrigin);

  /** The signed-in customer, or `undefined`. */
  const signedIn = (request: IncomingMessage) => findCustomer(cookieOf(request, COOKIE));

  async function session(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request);
    const customer = signedIn(request);
    if (!customer) throw new HttpError(401, 'not_signed_in', 'Sign in first.');
    // The client says why it needs a token; after a refused one, ask Refold for a new one.
    const forceRefresh = body['reason'] === 'unauthorized' || body['reason'] === 'expired';
    try {
      const minted = await mintSessionToken(refold, customer.linkedAccountId, { forceRefresh });
      sendJson(response, 200, minted);
    } catch (error) {
      if (!(error instanceof SessionTokenError)) throw error;
      log(`[refold] No session token for "${customer.id}": ${error.message}`);
      const status = error.failure === 'unreachable' ? 504 : 502;
      sendJson(response, status, { error: FAILURE_CODES[error.failure], message: error.message });
    }
  }

  function me(request: IncomingMessage, response: ServerResponse): void {
    // The demo signs the first customer in on the first visit; your app would show its login page.
    const current = signedIn(request);
    const customer = current ?? NORTHWIND;
    sendJson(
      response,
      200,
      {
        customer: publicCustomer(customer),
        customers: DEMO_CUSTOMERS.map(publicCustomer),
        refold: { baseUrl: refoldOrigin, mode },
      },
      current ? {} : { 'set-cookie': signInCookie(customer) },
    );
  }

  async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request);
    const customer = findCustomer(typeof body['customer'] === 'string' ? body['customer'] : undefined);
    if (!customer) throw new HttpError(400, 'unknown_customer', 'No such demo customer.');
    sendJson(response, 200, { customer: publicCustomer(customer) }, { 'set-cookie': signInCookie(customer) });
  }

  async function staticFile(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    let file: string;
    try {
      file = resolve(staticDir, `.${decodeURIComponent(path)}`);
    } catch {
      throw new HttpError(400, 'bad_path', 'Malformed path.');
    }
    // Never outside the front end's folder.
    if (file !== staticDir && !file.startsWith(staticDir + sep)) {
      throw new HttpError(404, 'not_found', 'Not found.');
    }
    // Client-side routes (no file extension) get the app itself.
    if (extname(file) === '') file = join(staticDir, 'index.html');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      throw new HttpError(404, 'not_found', 'Not found.');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const html = type.startsWith('text/html');
    response.writeHead(200, {
      'content-type': type,
      // Vite puts a content hash in every asset name.
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(html && { 'content-security-policy': csp }),
    });
    response.end(request.method === 'HEAD' ? undefined : content);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const { pathname } = new URL(request.url ?? '/', 'http://demo.invalid');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');

    if (method === 'POST' && pathname === '/api/refold/session') return session(request, response);
    if (method === 'GET' && pathname === '/api/demo/me') return me(request, response);
    if (method === 'POST' && pathname === '/api/demo/sign-in') return signIn(request, response);
    if (pathname.startsWith('/api/')) throw new HttpError(404, 'not_found', 'No such route.');
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'GET only.');
    return staticFile(request, response, pathname);
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.code, message: error.message });
        return;
      }
      // Anything unexpected: one line in the log, a plain 500 for the browser.
      log(
        `[demo] ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`,
      );
      sendJson(response, 500, { error: 'server_error', message: 'Something went wrong on the demo server.' });
    });
  };
}
