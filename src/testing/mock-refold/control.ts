/**
 * What tests steer and observe around the routes: request recording, holds (a request kept waiting until
 * the test releases it), injected faults, and the rate limit (a token bucket per session token or API key).
 * The request pipeline in `server.ts` calls these in order: record, hold, fault, then rate limit once the
 * caller is known.
 *
 * @module
 */
import { CORS_HEADERS, apiError, defaultErrorCode, defaultErrorMessage, errorBody } from './http.js';
import type { MockState } from './state.js';
import type { Fault, FaultMatch, MockHold, RecordedRequest } from './types.js';

/** An injected fault and how many more requests it answers. */
export interface FaultRecord {
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

/** A hold waiting for its request, or holding it. */
export interface HoldRecord {
  match: FaultMatch;
  /** The request that arrived, once one did. */
  onArrive: (request: RecordedRequest) => void;
  released: Promise<void>;
  release: () => void;
  taken: boolean;
}

/** A rate-limit bucket. */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** True when a fault or hold's `match` covers the request. Without a method it matches all but `OPTIONS`. */
function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method === undefined ? method === 'OPTIONS' : match.method.toUpperCase() !== method) return false;
  return typeof match.path === 'string'
    ? match.path === path
    : new RegExp(match.path.source, match.path.flags).test(path);
}

// --- recording ---------------------------------------------------------------------------------------------

/**
 * Records a request (credentials blanked when the mock was asked to), keeping the newest `maxRecorded`.
 * Answers the entry as recorded.
 */
export function recordRequest(state: MockState, request: RecordedRequest): RecordedRequest {
  const { redactCredentials, maxRecorded } = state.settings;
  const entry = { ...request, headers: recordedHeaders(request.headers, redactCredentials) };
  state.recorded.push(entry);
  if (state.recorded.length > maxRecorded) state.recorded.splice(0, state.recorded.length - maxRecorded);
  return entry;
}

/** The headers as recorded: lower-case names, credentials blanked when asked. */
function recordedHeaders(
  headers: Record<string, string>,
  redactCredentials: boolean,
): Record<string, string> {
  if (!redactCredentials) return headers;
  const out = { ...headers };
  if (out['authorization'] !== undefined)
    out['authorization'] = out['authorization'].replace(/\S+$/, '[redacted]');
  if (out['x-api-key'] !== undefined) out['x-api-key'] = '[redacted]';
  return out;
}

// --- holds -------------------------------------------------------------------------------------------------

/** `MockRefold.hold`: the next matching request waits, after it is recorded, until `release()`. */
export function addHold(state: MockState, match: FaultMatch): MockHold {
  let onArrive!: (request: RecordedRequest) => void;
  let release!: () => void;
  const arrived = new Promise<RecordedRequest>((resolve) => (onArrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const record: HoldRecord = { match, onArrive, released, release, taken: false };
  state.holds.push(record);
  return {
    arrived,
    release: () => {
      record.release();
      if (!record.taken) state.holds = state.holds.filter((candidate) => candidate !== record);
    },
  };
}

/** Waits while a hold matching the request keeps it (at once when none does). */
export async function waitWhileHeld(state: MockState, entry: RecordedRequest): Promise<void> {
  const held = state.holds.find(
    (candidate) => !candidate.taken && matches(candidate.match, entry.method, entry.path),
  );
  if (held === undefined) return;
  held.taken = true;
  held.onArrive(structuredClone(entry));
  await held.released;
  state.holds = state.holds.filter((candidate) => candidate !== held);
}

// --- faults ------------------------------------------------------------------------------------------------

/** `MockRefold.inject`: the next `fault.times` matching requests get the fault. */
export function injectFault(state: MockState, match: FaultMatch, fault: Fault): void {
  const times = fault.times ?? 1;
  if (times > 0) state.faults.push({ match, fault, remaining: times });
}

/** The fault for this request, if one is injected (it is used up by one). */
export function takeFault(state: MockState, method: string, path: string): Fault | undefined {
  const record = state.faults.find(
    (candidate) => candidate.remaining > 0 && matches(candidate.match, method, path),
  );
  if (record === undefined) return undefined;
  record.remaining -= 1;
  state.faults = state.faults.filter((candidate) => candidate.remaining > 0);
  return record.fault;
}

/** The answer a fault replaces the real one with; `undefined` when it only delays or adds headers. */
export function faultResponse(fault: Fault): Response | undefined {
  const extra = fault.headers ?? {};
  if (fault.kind === 'malformed') {
    const body = typeof fault.body === 'string' ? fault.body : '{"docs": [';
    return new Response(body, {
      status: fault.status ?? 200,
      headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extra },
    });
  }
  if (fault.kind === 'html-502') {
    const body =
      typeof fault.body === 'string'
        ? fault.body
        : '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    return new Response(body, {
      status: fault.status ?? 502,
      headers: { ...CORS_HEADERS, 'content-type': 'text/html', ...extra },
    });
  }
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 200;
  const headers: Record<string, string> = { ...CORS_HEADERS };
  if (status === 429) headers['retry-after'] = '1';
  if (typeof fault.body === 'string') {
    return new Response(fault.body, {
      status,
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8', ...extra },
    });
  }
  const body =
    fault.body !== undefined
      ? fault.body
      : errorBody(status, defaultErrorCode(status), defaultErrorMessage(status));
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', ...extra },
  });
}

// --- rate limit --------------------------------------------------------------------------------------------

/** Takes a token from the caller's bucket: `undefined` when allowed, else the 429 answer (with Retry-After). */
export function rateLimitAnswer(state: MockState, key: string): Response | undefined {
  const { rateLimit, now } = state.settings;
  if (rateLimit === false) return undefined;
  const time = now();
  const bucket = state.buckets.get(key) ?? { tokens: rateLimit.burst, updatedAt: time };
  const elapsed = Math.max(0, time - bucket.updatedAt);
  bucket.tokens = Math.min(rateLimit.burst, bucket.tokens + (elapsed * rateLimit.perSecond) / 1000);
  bucket.updatedAt = time;
  state.buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return undefined;
  }
  const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rateLimit.perSecond));
  return apiError(
    429,
    'RATE_LIMITED',
    `Rate limit exceeded: ${rateLimit.perSecond} requests per second, bursts of ${rateLimit.burst}`,
    { 'retry-after': String(retryAfter) },
  );
}
