/**
 * The connect flow of one app: {@link createConnectFlow}, framework-free (the React hook subscribes to it).
 * Its steps, in the order they run:
 *
 * 1. {@link start}: resolves the auth type (`auth.ts`), checks the typed values, and picks the path.
 * 2. {@link openPopup} (OAuth): opens a blank popup synchronously, inside the user's click.
 * 3. {@link authorize}: asks Refold for the authorization URL (and reads the app's connections meanwhile).
 * 4. {@link watch}: sends the popup to the provider, then {@link poll}s the app until a new connection
 *    appears; {@link watchClosed} and the timeout start a {@link beginGrace} period of a few more polls.
 *    Key-based apps {@link save} their credentials instead; machine-to-machine apps end at step 3.
 * 5. {@link finish} / {@link fail}: stop everything the {@link Run} holds and publish the final state.
 *
 * @module
 */
import type { AuthValues } from './args.js';
import { checkAuthValues, resolveAuth } from './auth.js';
import type { RefoldClient } from './client.js';
import {
  RefoldApiError,
  RefoldArgumentError,
  RefoldError,
  RefoldNetworkError,
  RefoldPopupError,
  RefoldResponseError,
  RefoldValidationError,
} from './errors.js';
import { accountState, isConnected } from './connections.js';
import type { Application, AuthType, AuthTypeName, ConnectedAccount } from './types.js';
import { isSafeNavigationUrl } from './urls.js';

export { checkAuthValues, resolveAuth } from './auth.js';
export type { AuthChoice } from './auth.js';

/** Where a connect flow is. */
export type ConnectStatus =
  'idle' | 'opening' | 'waiting' | 'saving' | 'connected' | 'cancelled' | 'blocked' | 'timeout' | 'error';

/** A snapshot of a connect flow. */
export interface ConnectState {
  /** Where the flow is. */
  status: ConnectStatus;
  /** How the flow authenticates (known once it started). */
  authType: AuthType | undefined;
  /**
   * Why it ended without a connection: set for `blocked`, `timeout` and `error`, and for `cancelled` when the
   * user closed the popup (a `RefoldPopupError` with reason `closed`; `cancel()` sets none). Never holds a
   * token or a typed secret.
   */
  error: RefoldError | undefined;
  /** Per-field problems: `required` / `invalid` from the checks before sending, or the server's message. */
  fieldErrors: Readonly<Record<string, string>>;
}

/** The window that opened the flow, as far as the flow needs it (the React layer passes the browser's). */
export interface PopupHost {
  /** Opens an empty named popup; `null` when the browser blocked it. Must run inside the user's click. */
  open(name: string): PopupWindow | null;
  /** Calls `listener` when the page regains focus or becomes visible; returns a function that stops it. */
  onFocus(listener: () => void): () => void;
  /** Full-page sign-in, for `mode: 'redirect'` (and `auto` where popups cannot work). */
  redirect?: RedirectHost;
}

/**
 * How a connect flow signs in with the whole page instead of a popup: it keeps what the flow needs to
 * resume after the page comes back — the slug, the connection id and a nonce, never a token — and sends the
 * page to the provider.
 */
export interface RedirectHost {
  /** The absolute URL the provider sends the page back to, marked with `nonce` (from `returnTo` if given). */
  returnUrl(nonce: string, returnTo: string | undefined): string;
  /** Keeps `resume` for the page's return, then sends the page to `url`. */
  go(url: string, resume: RedirectResume): void;
  /**
   * True where popups cannot work at all (detected from the page, e.g. a home-screen web app whose popups
   * open in another browser): `auto` then goes straight to the full-page sign-in.
   */
  popupsUnsupported(): boolean;
}

/** What a full-page sign-in keeps for the page's return. Never a token nor a typed value. */
export interface RedirectResume {
  /** The app. */
  slug: string;
  /** The connection signed in again, if the flow reconnects one. */
  connectionId?: string;
  /** A random value that ties the return to this sign-in. */
  nonce: string;
}

/**
 * Where an OAuth sign-in happens: `popup` (a window over the page), `redirect` (the whole page goes to the
 * provider and comes back), or `auto`: the popup, and where popups cannot work (detected) the redirect; a
 * blocked popup then leaves the choice of a redirect to the user (`canRedirect` of the React hook).
 */
export type ConnectMode = 'popup' | 'redirect' | 'auto';

/** The popup, as far as the flow needs it. */
export interface PopupWindow {
  /** True once the popup is gone, or (with some opener policies) as soon as the provider's page loads. */
  readonly closed: boolean;
  /** Closes the popup. */
  close(): void;
  /** Brings it to the front. */
  focus(): void;
  /** Sends the popup to `url`. */
  navigate(url: string): void;
}

/** Timing of the OAuth completion detection. */
export interface ConnectTiming {
  /** Give up this long after the popup went to the provider (then poll `graceMs` more). @default 300_000 (5 min) */
  timeoutMs?: number;
  /** Keep polling this long after the popup closed or the time ran out. @default 6_000 */
  graceMs?: number;
  /** Poll interval during the first `fastWindowMs`. @default 750 */
  fastPollMs?: number;
  /** How long polling stays fast. @default 60_000 */
  fastWindowMs?: number;
  /** Poll interval afterwards. @default 3_000 */
  slowPollMs?: number;
  /**
   * When `popup.closed` is first read, this long after the popup went to the provider. A provider that sends
   * `Cross-Origin-Opener-Policy: same-origin` makes the handle read closed as soon as its page loads, for a
   * popup still open: if the handle already reads closed then, it is never trusted, and the flow ends only by
   * a detected connection, the timeout or `cancel()`. @default 3_000
   */
  trustClosedAfterMs?: number;
  /** Poll failures in a row that end the flow. @default 3 */
  maxPollFailures?: number;
}

/** What the flow needs of a client; a {@link RefoldClient} does. */
export interface ConnectClient {
  /** The app routes the flow calls. */
  applications: Pick<RefoldClient['applications'], 'get' | 'oauthUrl' | 'saveCredentials'>;
}

/** Options of {@link createConnectFlow}. */
export interface ConnectFlowOptions extends ConnectTiming {
  /** The client to call Refold with. */
  client: ConnectClient;
  /** App to connect. */
  slug: string;
  /**
   * The connection to sign in again (`connected_accounts[].connection_id`): the flow repairs that connection
   * in place (it keeps its id and config) and ends connected when it works again. Left out: a new connection.
   */
  connectionId?: string;
  /** Popup host; required for OAuth, unused for key-based and machine-to-machine apps. */
  host?: PopupHost;
  /** Called once each time a flow ends connected. */
  onConnected?: (info: ConnectedInfo) => void;
}

/** What {@link ConnectFlowOptions.onConnected} hears. */
export interface ConnectedInfo {
  /** The app. */
  slug: string;
  /** How it connected. */
  authType: AuthType;
  /** The connection signed in again, for a flow created with `connectionId`. */
  connectionId?: string;
}

/** What {@link ConnectFlow.start} takes. Timing given here applies to this run, over the flow's options. */
export interface ConnectRequest extends ConnectTiming {
  /**
   * `oauth2` (popup), `keybased` (save credentials) or a connector sub-type the app offers (`api_key` …,
   * saved with the key-based form). Default: what the app offers (see {@link resolveAuth}), else `oauth2`.
   */
  authType?: AuthTypeName;
  /** Typed values: OAuth pre-auth values or key-based credentials. */
  values?: AuthValues;
  /** The app, when known: its fields are checked before sending, and its grant type decides on a popup. */
  app?: Application;
  /** Popup or full-page sign-in (see {@link ConnectMode}). @defaultValue 'popup' */
  mode?: ConnectMode;
  /** For a full-page sign-in: the page to come back to. @defaultValue the current page */
  returnTo?: string;
}

/** A running or finished connect flow. Framework-free; the React hook subscribes to it. */
export interface ConnectFlow {
  /** Current state. */
  getState(): ConnectState;
  /** Listens to state changes; returns a function that stops listening. */
  subscribe(listener: () => void): () => void;
  /**
   * Starts the flow. For OAuth it opens the popup synchronously, so call it directly from a click handler.
   * While a flow runs, a second call focuses its popup instead of starting another; but when that popup reads
   * closed, or the flow is only waiting out its grace period, the old flow ends as `cancelled` and a new popup
   * opens in the same click (never two popups, never a flow stuck waiting). Resolves with the final state;
   * never rejects.
   */
  start(request?: ConnectRequest): Promise<ConnectState>;
  /** Ends a running flow as `cancelled` and closes its popup. */
  cancel(): void;
  /** Back to `idle` (after a finished flow). */
  reset(): void;
  /**
   * After a full-page sign-in came back: polls the app for a few seconds (`graceMs`) and ends `connected`
   * once the connection works (the flow's `connectionId`, else a working OAuth connection made within the
   * last `timeoutMs`), else `cancelled`. A running flow is joined instead.
   */
  resume(timing?: ConnectTiming): Promise<ConnectState>;
  /**
   * Stops a running flow (timers, listeners, requests, popup) and goes back to `idle` without telling the
   * listeners: for unmount. The flow can be started again.
   */
  dispose(): void;
}

const ACTIVE: ReadonlySet<ConnectStatus> = new Set(['opening', 'waiting', 'saving']);
const DEFAULT_TIMING: Required<ConnectTiming> = {
  timeoutMs: 300_000,
  graceMs: 6_000,
  fastPollMs: 750,
  fastWindowMs: 60_000,
  slowPollMs: 3_000,
  trustClosedAfterMs: 3_000,
  maxPollFailures: 3,
};
const IDLE: ConnectState = { status: 'idle', authType: undefined, error: undefined, fieldErrors: {} };
/** How often `popup.closed` is read once it can be trusted (no request involved). */
const CLOSED_CHECK_MS = 250;

/** True while a flow runs. */
export function isConnecting(status: ConnectStatus): boolean {
  return ACTIVE.has(status);
}

/**
 * Creates the connect flow of one app. OAuth: opens a blank popup at once (inside the click), asks Refold
 * for the authorization URL, points the popup at it, then polls the app until a new active `oauth2`
 * connection appears — at once when the popup closes or the page regains focus, about every 750 ms during
 * the first minute and every 3 s after, one request at a time. Key-based: checks the values, then saves
 * them. Machine-to-machine apps (`grant_type: 'client_credentials'`) connect without a popup.
 *
 * @example
 * const flow = createConnectFlow({ client, slug: 'hubspot', host });
 * button.onclick = () => void flow.start({ app });
 */
export function createConnectFlow(options: ConnectFlowOptions): ConnectFlow {
  if (typeof options.slug !== 'string' || options.slug.trim() === '') {
    throw new RefoldArgumentError('createConnectFlow: slug must be an app slug such as "slack".');
  }
  const { connectionId } = options;
  if (connectionId !== undefined && (typeof connectionId !== 'string' || connectionId.trim() === '')) {
    throw new RefoldArgumentError('createConnectFlow: connectionId must be a connection id when given.');
  }
  const flow: Flow = { options, state: IDLE, listeners: new Set(), run: undefined };
  return {
    getState: () => flow.state,
    subscribe(listener) {
      flow.listeners.add(listener);
      return () => {
        flow.listeners.delete(listener);
      };
    },
    start: (request) => start(flow, request),
    resume: (timing) => resume(flow, timing),
    cancel() {
      if (flow.run) finish(flow, flow.run, { status: 'cancelled' });
    },
    reset() {
      if (!flow.run) publish(flow, IDLE);
    },
    dispose() {
      const current = flow.run;
      if (current) {
        stop(flow, current);
        current.resolve(IDLE);
      }
      flow.state = IDLE;
    },
  };
}

/** One flow: its options, its published state and listeners, and the run under way. */
interface Flow {
  readonly options: ConnectFlowOptions;
  state: ConnectState;
  readonly listeners: Set<() => void>;
  run: Run | undefined;
}

type Timer = ReturnType<typeof setTimeout>;

/** Everything one run holds (requests, timers, listeners, popup), so that ending it stops all of it. */
class Run {
  readonly controller = new AbortController();
  readonly done: Promise<ConnectState>;
  readonly resolve: (state: ConnectState) => void;
  /** Set once the popup closed, the time ran out or the page came back: the flow waits out its grace. */
  ending: GraceReason | undefined;
  readonly #timers = new Set<Timer>();
  readonly #stops: (() => void)[] = [];

  constructor(
    readonly authType: AuthType,
    readonly timing: Required<ConnectTiming>,
    readonly popup: PopupWindow | undefined,
  ) {
    let resolve!: (state: ConnectState) => void;
    this.done = new Promise<ConnectState>((r) => (resolve = r));
    this.resolve = resolve;
  }

  /** Calls `fn` in `ms`, unless the run stops first. */
  later(fn: () => void, ms: number): Timer {
    const id = setTimeout(() => {
      this.#timers.delete(id);
      fn();
    }, ms);
    this.#timers.add(id);
    return id;
  }

  /** Cancels a timer of {@link Run.later}. */
  clear(id: Timer): void {
    clearTimeout(id);
    this.#timers.delete(id);
  }

  /** Calls `stopListening` when the run stops. */
  onStop(stopListening: () => void): void {
    this.#stops.push(stopListening);
  }

  /** Aborts the requests, clears the timers, stops the listeners and closes the popup. */
  stop(): void {
    this.controller.abort();
    for (const id of this.#timers) clearTimeout(id);
    this.#timers.clear();
    for (const stopListening of this.#stops.splice(0)) stopListening();
    closePopup(this.popup);
  }
}

/** How a run ends. */
interface RunEnd {
  status: ConnectStatus;
  error?: RefoldError;
  fieldErrors?: Record<string, string>;
}

function publish(flow: Flow, next: ConnectState): void {
  flow.state = next;
  for (const listener of [...flow.listeners]) listener();
}

/** A start that ends before any run: refused values, no popup host, a blocked popup. */
function refuse(
  flow: Flow,
  status: ConnectStatus,
  authType: AuthType,
  error: RefoldError,
  fieldErrors: Record<string, string> = {},
): Promise<ConnectState> {
  publish(flow, { status, authType, error, fieldErrors });
  return Promise.resolve(flow.state);
}

/** Starts a run: it becomes the flow's current one, in `status`. */
function begin(
  flow: Flow,
  request: ConnectRequest,
  authType: AuthType,
  status: ConnectStatus,
  popup?: PopupWindow,
): Run {
  const run = new Run(authType, resolveTiming(flow.options, request), popup);
  flow.run = run;
  publish(flow, { status, authType, error: undefined, fieldErrors: {} });
  return run;
}

/**
 * Step 1. Starts a run, synchronously up to the popup. A running flow with a live popup is focused instead;
 * one whose popup is gone (or that only waits out its grace) ends as `cancelled` and a new run starts in the
 * same click.
 */
function start(flow: Flow, request: ConnectRequest = {}): Promise<ConnectState> {
  const running = flow.run;
  if (running) {
    const { popup } = running;
    // A popup that is gone (or a flow past its time, waiting out the grace) cannot finish any more: this
    // click ends it and starts over, with a new popup opened right here, inside the click.
    if (!popup || !(popup.closed || running.ending !== undefined)) {
      popup?.focus();
      return running.done;
    }
    finish(flow, running, { status: 'cancelled', error: closedError() });
  }
  const { app, values = {} } = request;
  const { authType, subType, fields } = resolveAuth(app, request.authType);
  const problems = checkAuthValues(fields, values);
  if (Object.keys(problems).length > 0) {
    const error = new RefoldValidationError('Fill in the highlighted fields.', problems);
    return refuse(flow, 'error', authType, error, problems);
  }
  if (authType === 'keybased') {
    const current = begin(flow, request, 'keybased', 'saving');
    void save(flow, current, values, subType);
    return current.done;
  }
  if (app?.grant_type === 'client_credentials') {
    // Machine-to-machine apps connect without a popup: Refold answers `{ connected }`.
    const current = begin(flow, request, 'oauth2', 'saving');
    void authorize(flow, current, values);
    return current.done;
  }
  const redirect = flow.options.host?.redirect;
  const mode = request.mode ?? 'popup';
  if (mode === 'redirect' || (mode === 'auto' && redirect?.popupsUnsupported())) {
    if (!redirect) {
      return refuse(
        flow,
        'error',
        authType,
        new RefoldArgumentError('A full-page sign-in needs a browser page.'),
      );
    }
    const current = begin(flow, request, 'oauth2', 'opening');
    void authorize(flow, current, values, { redirect, returnTo: request.returnTo });
    return current.done;
  }
  const popup = openPopup(flow);
  if (popup instanceof RefoldError) {
    return refuse(flow, popup instanceof RefoldPopupError ? 'blocked' : 'error', authType, popup);
  }
  const current = begin(flow, request, 'oauth2', 'opening', popup);
  void authorize(flow, current, values);
  return current.done;
}

/**
 * Step 2 (OAuth). Opens an empty named popup through the flow's {@link PopupHost} (the browser's is
 * `browserPopupHost` in `src/react/popup.ts`, which calls `window.open`). It runs synchronously inside the
 * caller's click, before anything awaits: browsers allow a popup only there. Without a host, or when the
 * browser blocked the popup, it answers the error the flow ends with.
 */
function openPopup(flow: Flow): PopupWindow | RefoldError {
  const { host, slug, connectionId } = flow.options;
  if (!host) return new RefoldArgumentError('OAuth needs a browser window to open its popup.');
  // One window per flow: a reconnect and a new connection of the same app never share a popup.
  const name =
    connectionId === undefined ? `refold-connect-${slug}` : `refold-connect-${slug}:${connectionId}`;
  return (
    host.open(name) ??
    new RefoldPopupError(
      'blocked',
      'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
    )
  );
}

/**
 * Step 3. Starts OAuth: asks Refold for the authorization URL (`POST /integrate`) and, for a popup flow,
 * reads the app's connections at the same time (the baseline a new connection is told from). A
 * machine-to-machine app answers `{ connected }` and ends here. A full-page sign-in sends the page away.
 */
async function authorize(
  flow: Flow,
  current: Run,
  values: AuthValues,
  page?: { redirect: RedirectHost; returnTo: string | undefined },
): Promise<void> {
  const { client, slug, connectionId } = flow.options;
  const { signal } = current.controller;
  try {
    const nonce = page && randomNonce();
    const returnTo = page && nonce && page.redirect.returnUrl(nonce, page.returnTo);
    const [app, started] = await Promise.all([
      current.popup && client.applications.get(slug, { signal }),
      client.applications.oauthUrl(slug, values, { signal, connectionId, returnTo }),
    ]);
    if (page && nonce && started.auth_url !== undefined && isSafeNavigationUrl(started.auth_url)) {
      if (flow.run !== current) return;
      publish(flow, { ...flow.state, status: 'waiting' });
      // The page leaves: the flow resumes from what `go` keeps once the provider sends it back.
      page.redirect.go(started.auth_url, {
        slug,
        nonce,
        ...(connectionId !== undefined && { connectionId }),
      });
      return;
    }
    if (started.auth_url === undefined) {
      if (started.connected) finish(flow, current, { status: 'connected' });
      else
        fail(
          flow,
          current,
          new RefoldApiError({ status: 200, message: 'Refold could not connect this app.' }),
        );
    } else if (!page && (!current.popup || !app)) {
      const message = 'Refold answered a machine-to-machine connect with a sign-in URL.';
      fail(flow, current, new RefoldResponseError(message, { status: 200, path: '$.auth_url' }));
    } else if (!isSafeNavigationUrl(started.auth_url)) {
      const message = 'Refold sent an authorization URL that is not https.';
      fail(flow, current, new RefoldResponseError(message, { status: 200, path: '$.auth_url' }));
    } else if (current.popup && app) {
      watch(flow, current, current.popup, activeOAuthKeys(app, connectionId), started.auth_url);
    }
  } catch (error) {
    fail(flow, current, error);
  }
}

/** What the completion detection of one run keeps between polls. */
interface Watch {
  readonly flow: Flow;
  readonly current: Run;
  /** The popup; none when the page itself came back from the provider. */
  readonly popup: PopupWindow | undefined;
  /** True once the app's data shows the connection the run waits for. */
  readonly isDone: (app: Application) => boolean;
  readonly navigatedAt: number;
  failures: number;
  polling: boolean;
  nextPoll: Timer | undefined;
}

/**
 * Step 4. Points the popup at the provider, then watches for the end: polls the app (at once on focus),
 * reads `popup.closed` once it can be trusted, and gives up after `timeoutMs`; closing and timing out both
 * leave a grace period of polls.
 */
function watch(flow: Flow, current: Run, popup: PopupWindow, baseline: ReadonlySet<string>, authUrl: string) {
  if (flow.run !== current) return;
  // The blank popup is on our origin: if it reads closed now, the user closed it.
  if (popup.closed) return finish(flow, current, { status: 'cancelled', error: closedError() });
  popup.navigate(authUrl);
  publish(flow, { ...flow.state, status: 'waiting' });

  const { connectionId } = flow.options;
  const w: Watch = {
    flow,
    current,
    popup,
    // A working OAuth connection that was not there before the sign-in (for a reconnect: that one).
    isDone: (app) => [...activeOAuthKeys(app, connectionId)].some((key) => !baseline.has(key)),
    navigatedAt: Date.now(),
    failures: 0,
    polling: false,
    nextPoll: undefined,
  };
  const { host } = flow.options;
  const { timing } = current;
  if (host) current.onStop(host.onFocus(() => void poll(w)));
  current.later(() => {
    if (!popup.closed) watchClosed(w, popup);
  }, timing.trustClosedAfterMs);
  current.later(() => beginGrace(w, 'timeout'), timing.timeoutMs);
  w.nextPoll = current.later(() => void poll(w), timing.fastPollMs);
}

/**
 * Reads the app once (one request at a time) and ends the run connected when a new active OAuth connection
 * is there; otherwise schedules the next poll: fast during the first `fastWindowMs` and the grace period,
 * slow after. `maxPollFailures` failures in a row end the run with the last error.
 */
async function poll(w: Watch): Promise<void> {
  const { flow, current } = w;
  if (w.polling || flow.run !== current) return;
  w.polling = true;
  // A poll at once (focus, close) replaces the scheduled one.
  if (w.nextPoll !== undefined) current.clear(w.nextPoll);
  const { timing } = current;
  try {
    const app = await flow.options.client.applications.get(flow.options.slug, {
      signal: current.controller.signal,
    });
    w.failures = 0;
    if (w.isDone(app)) {
      finish(flow, current, { status: 'connected' });
      return;
    }
  } catch (error) {
    w.failures += 1;
    if (w.failures >= timing.maxPollFailures) {
      fail(flow, current, error);
      return;
    }
  } finally {
    w.polling = false;
  }
  if (flow.run !== current) return;
  const fast = current.ending !== undefined || Date.now() - w.navigatedAt < timing.fastWindowMs;
  w.nextPoll = current.later(() => void poll(w), fast ? timing.fastPollMs : timing.slowPollMs);
}

/**
 * Reads `popup.closed` every {@link CLOSED_CHECK_MS}. It is first read once a provider's opener policy had
 * time to sever the handle (see `trustClosedAfterMs`); a handle that reads closed then is never trusted, so
 * never read again.
 */
function watchClosed(w: Watch, popup: PopupWindow): void {
  if (w.current.ending) return;
  if (popup.closed) beginGrace(w, 'closed');
  else w.current.later(() => watchClosed(w, popup), CLOSED_CHECK_MS);
}

/** Why a run waits out its grace period: popup closed, time ran out, or the page came back. */
type GraceReason = 'closed' | 'timeout' | 'returned';

/**
 * The popup closed or the time ran out: polls at once and keeps polling for `graceMs` (a connection made
 * just before still counts), then ends the run as `cancelled` or `timeout`.
 */
function beginGrace(w: Watch, reason: GraceReason): void {
  const { flow, current, popup } = w;
  if (current.ending) return;
  current.ending = reason;
  if (reason === 'timeout') closePopup(popup);
  const end: RunEnd =
    reason === 'closed'
      ? { status: 'cancelled', error: closedError() }
      : reason === 'returned'
        ? { status: 'cancelled' }
        : {
            status: 'timeout',
            error: new RefoldPopupError('timeout', 'The sign-in took too long. Try again.'),
          };
  current.later(() => finish(flow, current, end), current.timing.graceMs);
  void poll(w);
}

/**
 * After a full-page sign-in: the page came back from the provider. Polls the app during the grace period for
 * the connection (see {@link ConnectFlow.resume}).
 */
function resume(flow: Flow, timing: ConnectTiming = {}): Promise<ConnectState> {
  if (flow.run) return flow.run.done;
  const current = begin(flow, timing, 'oauth2', 'waiting');
  const { connectionId } = flow.options;
  const since = Date.now() - current.timing.timeoutMs;
  const w: Watch = {
    flow,
    current,
    popup: undefined,
    // The connection re-signed in (with `connectionId`), else one made within the flow's time limit.
    isDone: (app) =>
      activeOAuthAccounts(app, connectionId)?.some(
        (a) => connectionId !== undefined || !(Date.parse(a.connectedAt) < since),
      ) ?? isConnected(app),
    navigatedAt: Date.now(),
    failures: 0,
    polling: false,
    nextPoll: undefined,
  };
  beginGrace(w, 'returned');
  return current.done;
}

/** A random value that ties a full-page sign-in to the page's return (not a secret). */
function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Step 3 (key-based). Saves the credentials; a connector sub-type goes with them as `auth_type`. */
async function save(
  flow: Flow,
  current: Run,
  values: AuthValues,
  subType: string | undefined,
): Promise<void> {
  try {
    const { signal } = current.controller;
    const { client, slug, connectionId } = flow.options;
    const { success } = await client.applications.saveCredentials(slug, values, {
      signal,
      connectionId,
      ...(subType !== undefined && { authType: subType }),
    });
    if (success) finish(flow, current, { status: 'connected' });
    else
      fail(
        flow,
        current,
        new RefoldApiError({ status: 200, message: 'Refold did not save the credentials.' }),
      );
  } catch (error) {
    fail(flow, current, error);
  }
}

/** Stops what `current` holds. False when it is no longer the flow's run (it was stopped already). */
function stop(flow: Flow, current: Run): boolean {
  if (flow.run !== current) return false;
  flow.run = undefined;
  current.stop();
  return true;
}

/** Step 5. Ends the run: stops it, publishes the final state, resolves `start()`, tells `onConnected`. */
function finish(flow: Flow, current: Run, end: RunEnd): void {
  if (!stop(flow, current)) return;
  publish(flow, {
    status: end.status,
    authType: current.authType,
    error: end.error,
    fieldErrors: end.fieldErrors ?? {},
  });
  current.resolve(flow.state);
  const { slug, connectionId, onConnected } = flow.options;
  if (end.status === 'connected')
    onConnected?.({ slug, authType: current.authType, ...(connectionId !== undefined && { connectionId }) });
}

/** Ends the run as `error`, with the server's per-field messages when it sent some. */
function fail(flow: Flow, current: Run, error: unknown): void {
  const failure =
    error instanceof RefoldError ? error : new RefoldNetworkError('The connection failed.', { cause: error });
  const fieldErrors = failure instanceof RefoldApiError ? { ...failure.fieldErrors } : {};
  finish(flow, current, { status: 'error', error: failure, fieldErrors });
}

/**
 * The app's working OAuth connections (only `connectionId`'s, for a reconnect), as keys that change when a
 * connection is made again (its date is part of the key).
 */
function activeOAuthKeys(app: Application, connectionId?: string): Set<string> {
  const accounts = activeOAuthAccounts(app, connectionId);
  // Older servers send only the deprecated flags: then the app's connection state is the one key.
  if (!accounts) return new Set(isConnected(app) ? ['connected'] : []);
  return new Set(
    accounts.map((a) => `${a.connection_id ?? ''}|${JSON.stringify(a.identifier) ?? ''}|${a.connectedAt}`),
  );
}

/**
 * The app's working OAuth accounts (only `connectionId`'s when given); `undefined` when the server sends no
 * `connected_accounts`, only the deprecated flags.
 */
function activeOAuthAccounts(app: Application, connectionId?: string): ConnectedAccount[] | undefined {
  return app.connected_accounts?.filter(
    (a) =>
      (connectionId === undefined || a.connection_id === connectionId) &&
      a.auth_type === 'oauth2' &&
      accountState(a, app) === 'active',
  );
}

function closePopup(popup: PopupWindow | undefined) {
  try {
    // Even a handle that reads closed: with a provider's opener policy it may be a window still open.
    popup?.close();
  } catch {
    // A popup of another origin may refuse; it is not ours to keep open anyway.
  }
}

const closedError = () =>
  new RefoldPopupError('closed', 'The sign-in window was closed before the connection finished.');

/** The defaults, overridden by every timing value the layers define (later layers win). */
function resolveTiming(...layers: ConnectTiming[]): Required<ConnectTiming> {
  const timing = { ...DEFAULT_TIMING };
  for (const layer of layers) {
    for (const key of Object.keys(DEFAULT_TIMING) as (keyof ConnectTiming)[]) {
      const value = layer[key];
      if (value !== undefined) timing[key] = value;
    }
  }
  return timing;
}
