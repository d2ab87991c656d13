/**
 * A `node:http` server around a mock Refold (demo, end-to-end tests). Node only.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockRefold } from './types.js';

/** Options of {@link listenMockRefold}. */
export interface ListenMockRefoldOptions {
  /** Port; `0` (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
}

/** A running mock server. */
export interface MockRefoldServer {
  /** Its base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function toRequest(incoming: IncomingMessage, body: Buffer, baseUrl: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (incoming.method ?? 'GET').toUpperCase();
  const init: RequestInit = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD' && body.length > 0) init.body = new Uint8Array(body);
  return new Request(new URL(incoming.url ?? '/', baseUrl), init);
}

async function writeResponse(response: Response, outgoing: ServerResponse, head: boolean): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = head || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/**
 * Serve a mock Refold over HTTP: converts each `IncomingMessage` to a `Request`, calls `mock.handler` and
 * writes the `Response` back. A `network` fault destroys the socket (the client sees a connection reset);
 * a client that goes away aborts the request's signal (so a delayed answer stops waiting).
 *
 * @example
 * ```ts
 * const server = await listenMockRefold(createMockRefold(), { port: 0 });
 * await fetch(`${server.url}/api/v2/public/session-token`, …);
 * await server.close();
 * ```
 */
export async function listenMockRefold(
  mock: MockRefold,
  options: ListenMockRefoldOptions = {},
): Promise<MockRefoldServer> {
  const host = options.host ?? '127.0.0.1';
  let baseUrl = `http://${host}`;

  const server = createServer((incoming, outgoing) => {
    const controller = new AbortController();
    outgoing.on('close', () => {
      if (!outgoing.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const body = await readAll(incoming);
        // The origin the client used (e.g. localhost vs 127.0.0.1), so auth and icon URLs work for it.
        const origin = incoming.headers.host === undefined ? baseUrl : `http://${incoming.headers.host}`;
        const request = toRequest(incoming, body, origin, controller.signal);
        const response = await mock.handler(request);
        await writeResponse(response, outgoing, request.method === 'HEAD');
      } catch {
        // A network fault, an aborted request, or a broken socket: the client sees the connection drop.
        incoming.socket.destroy();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${port}`;

  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
