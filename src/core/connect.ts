import type { AuthValues, RefoldClient } from './client.js';
import {
  RefoldApiError,
  RefoldArgumentError,
  RefoldError,
  RefoldNetworkError,
  RefoldPopupError,
  RefoldResponseError,
  RefoldValidationError,
} from './errors.js';
import { accountState } from './connections.js';
import type { Application, AuthField, AuthType, AuthTypeName } from './types.js';
import { isSafeNavigationUrl } from './urls.js';

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
}

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
  /** Popup host; required for OAuth, unused for key-based and machine-to-machine apps. */
  host?: PopupHost;
  /** Called once each time a flow ends connected. */
  onConnected?: (info: { slug: string; authType: AuthType }) => void;
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
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True while a flow runs. */
export function isConnecting(status: ConnectStatus): boolean {
  return ACTIVE.has(status);
}

/** How {@link resolveAuth} says to connect an app. */
export interface AuthChoice {
  /** `oauth2` (a pop-up) or `keybased` (the credentials form, for connector sub-types too). */
  authType: AuthType;
  /** The connector sub-type (`api_key`, `basic_auth`, `bearer_token`, `noauth` …) sent as `auth_type` on save. */
  subType: string | undefined;
  /** The fields to fill: pre-auth values for OAuth, credentials otherwise (may be empty). */
  fields: AuthField[];
}

const isSubType = (name: string | undefined): name is string =>
  name !== undefined && name !== '' && name !== 'oauth2' && name !== 'keybased';

/**
 * How to connect `app`: with the requested auth type when given, else with what the app offers. An empty
 * list is not an offered style (`{ keybased: [...], oauth2: [] }` is key-based), unless no list has fields
 * (`{ oauth2: [] }` alone is OAuth without pre-auth fields); `noauth` is offered even without fields. OAuth
 * wins when the app offers it with others. A connector sub-type (an `auth_type_options` key, or the app's
 * `auth_type`, other than `oauth2`/`keybased`) uses the key-based form and is sent as `auth_type`. Unknown
 * auth types are treated as sub-types. Without `auth_type_options` the deprecated `auth_type` and
 * `auth_input_map` decide; without an app, OAuth.
 */
export function resolveAuth(app: Application | undefined, requested?: AuthTypeName): AuthChoice {
  const options = app?.auth_type_options ?? {};
  const listed = Object.entries(options).flatMap(([name, fields]) => (Array.isArray(fields) ? [name] : []));
  const offered = listed.filter((name) => (options[name]?.length ?? 0) > 0 || name === 'noauth');
  const candidates = offered.length > 0 ? offered : listed;
  const appType = app?.auth_type;
  const legacy = app?.auth_input_map ?? [];
  const keyed = (name: string): AuthChoice => ({
    authType: 'keybased',
    subType: isSubType(name) ? name : isSubType(appType) ? appType : undefined,
    fields: options[name] ?? legacy,
  });
  if (requested === 'oauth2') return { authType: 'oauth2', subType: undefined, fields: options.oauth2 ?? [] };
  if (requested !== undefined && requested !== 'keybased') return keyed(requested);
  const subTypes = candidates.filter(isSubType);
  const keyBased = candidates.includes('keybased')
    ? 'keybased'
    : (subTypes.find((name) => name === appType) ?? subTypes[0]);
  if (requested === 'keybased') return keyed(keyBased ?? 'keybased');
  if (candidates.includes('oauth2'))
    return { authType: 'oauth2', subType: undefined, fields: options.oauth2 ?? [] };
  if (keyBased) return keyed(keyBased);
  if (appType === 'keybased' || isSubType(appType)) return keyed(appType);
  return { authType: 'oauth2', subType: undefined, fields: [] };
}

/**
 * Checks typed values against the app's fields: required ones must be filled (a required checkbox ticked);
 * numbers must be numeric, URLs http(s), e-mail addresses look like one.
 */
export function checkAuthValues(
  fields: readonly AuthField[],
  values: AuthValues,
): Record<string, 'required' | 'invalid'> {
  const problems: Record<string, 'required' | 'invalid'> = {};
  for (const field of fields) {
    const value = values[field.name];
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0) ||
      (field.type === 'checkbox' && value === false);
    if (empty) {
      if (field.required) problems[field.name] = 'required';
    } else if (!isValid(field.type, value)) {
      problems[field.name] = 'invalid';
    }
  }
  return problems;
}

function isValid(type: string, value: AuthValues[string]): boolean {
  if (type === 'number') return Number.isFinite(typeof value === 'number' ? value : Number(value));
  if (type === 'url') return typeof value === 'string' && isWebUrl(value.trim());
  if (type === 'email') return typeof value === 'string' && EMAIL.test(value.trim());
  return true;
}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The app's working OAuth connections, as keys that change when a connection is made again. */
function activeOAuthKeys(app: Application): Set<string> {
  if (!app.connected_accounts) {
    // Older servers send only the deprecated flags.
    return new Set(app.connected === true && app.reauth_required !== true ? ['connected'] : []);
  }
  return new Set(
    app.connected_accounts
      .filter((a) => a.auth_type === 'oauth2' && accountState(a, app) === 'active')
      .map((a) => `${a.connection_id ?? ''}|${JSON.stringify(a.identifier) ?? ''}|${a.connectedAt}`),
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

/** Everything one run of the flow holds, so that ending it stops all of it. */
interface Run {
  authType: AuthType;
  timing: Required<ConnectTiming>;
  controller: AbortController;
  popup: PopupWindow | undefined;
  timers: Set<ReturnType<typeof setTimeout>>;
  stops: (() => void)[];
  /** Set once the popup closed or the time ran out: the flow only waits out its grace period. */
  ending: 'closed' | 'timeout' | undefined;
  done: Promise<ConnectState>;
  resolve: (state: ConnectState) => void;
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
  const { client, slug, host } = options;
  if (typeof slug !== 'string' || slug.trim() === '') {
    throw new RefoldArgumentError('createConnectFlow: slug must be an app slug such as "slack".');
  }
  let state: ConnectState = IDLE;
  const listeners = new Set<() => void>();
  let run: Run | undefined;

  function set(next: ConnectState) {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function begin(
    request: ConnectRequest,
    authType: AuthType,
    status: ConnectStatus,
    popup?: PopupWindow,
  ): Run {
    let resolve!: (final: ConnectState) => void;
    const done = new Promise<ConnectState>((r) => (resolve = r));
    const controller = new AbortController();
    const timing = resolveTiming(options, request);
    run = {
      authType,
      timing,
      controller,
      popup,
      timers: new Set(),
      stops: [],
      ending: undefined,
      done,
      resolve,
    };
    set({ status, authType, error: undefined, fieldErrors: {} });
    return run;
  }

  /** Stops what `current` holds: requests, timers, listeners, popup. False when it was stopped already. */
  function stop(current: Run): boolean {
    if (run !== current) return false;
    run = undefined;
    current.controller.abort();
    for (const id of current.timers) clearTimeout(id);
    current.timers.clear();
    for (const stopListening of current.stops.splice(0)) stopListening();
    closePopup(current.popup);
    return true;
  }

  function finish(
    current: Run,
    end: { status: ConnectStatus; error?: RefoldError; fieldErrors?: Record<string, string> },
  ) {
    if (!stop(current)) return;
    set({
      status: end.status,
      authType: current.authType,
      error: end.error,
      fieldErrors: end.fieldErrors ?? {},
    });
    current.resolve(state);
    if (end.status === 'connected') options.onConnected?.({ slug, authType: current.authType });
  }

  function fail(current: Run, error: unknown) {
    const failure =
      error instanceof RefoldError
        ? error
        : new RefoldNetworkError('The connection failed.', { cause: error });
    const fieldErrors = failure instanceof RefoldApiError ? { ...failure.fieldErrors } : {};
    finish(current, { status: 'error', error: failure, fieldErrors });
  }

  function later(current: Run, fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const id = setTimeout(() => {
      current.timers.delete(id);
      fn();
    }, ms);
    current.timers.add(id);
    return id;
  }

  function start(request: ConnectRequest = {}): Promise<ConnectState> {
    if (run) {
      const { popup } = run;
      // A popup that is gone (or a flow past its time, waiting out the grace) cannot finish any more: this
      // click ends it and starts over, with a new popup opened right here, inside the click.
      if (!popup || !(popup.closed || run.ending !== undefined)) {
        popup?.focus();
        return run.done;
      }
      finish(run, { status: 'cancelled', error: closedError() });
    }
    const { app, values = {} } = request;
    const { authType, subType, fields } = resolveAuth(app, request.authType);
    const problems = checkAuthValues(fields, values);
    if (Object.keys(problems).length > 0) {
      const error = new RefoldValidationError('Fill in the highlighted fields.', problems);
      set({ status: 'error', authType, error, fieldErrors: problems });
      return Promise.resolve(state);
    }
    if (authType === 'keybased') {
      const current = begin(request, 'keybased', 'saving');
      void save(current, values, subType);
      return current.done;
    }
    let popup: PopupWindow | null = null;
    if (app?.grant_type !== 'client_credentials') {
      if (!host) {
        const error = new RefoldArgumentError('OAuth needs a browser window to open its popup.');
        set({ status: 'error', authType, error, fieldErrors: {} });
        return Promise.resolve(state);
      }
      // The popup opens here, synchronously inside the caller's click: nothing above awaits.
      popup = host.open(`refold-connect-${slug}`);
      if (!popup) {
        const error = new RefoldPopupError(
          'blocked',
          'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
        );
        set({ status: 'blocked', authType, error, fieldErrors: {} });
        return Promise.resolve(state);
      }
    }
    // Machine-to-machine apps connect without a popup: Refold answers `{ connected }`.
    const current = popup ? begin(request, 'oauth2', 'opening', popup) : begin(request, 'oauth2', 'saving');
    void authorize(current, values);
    return current.done;
  }

  /** Saves key-based credentials; a connector sub-type goes with them as `auth_type`. */
  async function save(current: Run, values: AuthValues, subType: string | undefined): Promise<void> {
    try {
      const { signal } = current.controller;
      const { success } = await client.applications.saveCredentials(slug, values, {
        signal,
        ...(subType !== undefined && { authType: subType }),
      });
      if (success) finish(current, { status: 'connected' });
      else
        fail(current, new RefoldApiError({ status: 200, message: 'Refold did not save the credentials.' }));
    } catch (error) {
      fail(current, error);
    }
  }

  /** Starts OAuth: a popup flow when `current` has a popup, machine-to-machine otherwise. */
  async function authorize(current: Run, values: AuthValues): Promise<void> {
    const { signal } = current.controller;
    try {
      const [app, started] = await Promise.all([
        current.popup && client.applications.get(slug, { signal }),
        client.applications.oauthUrl(slug, values, { signal }),
      ]);
      if (started.auth_url === undefined) {
        if (started.connected) finish(current, { status: 'connected' });
        else
          fail(current, new RefoldApiError({ status: 200, message: 'Refold could not connect this app.' }));
      } else if (!current.popup || !app) {
        const message = 'Refold answered a machine-to-machine connect with a sign-in URL.';
        fail(current, new RefoldResponseError(message, { status: 200, path: '$.auth_url' }));
      } else if (!isSafeNavigationUrl(started.auth_url)) {
        const message = 'Refold sent an authorization URL that is not https.';
        fail(current, new RefoldResponseError(message, { status: 200, path: '$.auth_url' }));
      } else {
        watch(current, current.popup, activeOAuthKeys(app), started.auth_url);
      }
    } catch (error) {
      fail(current, error);
    }
  }

  /** Points the popup at the provider, then polls until a new connection appears or the flow ends. */
  function watch(current: Run, popup: PopupWindow, baseline: ReadonlySet<string>, authUrl: string) {
    if (run !== current) return;
    // The blank popup is on our origin: if it reads closed now, the user closed it.
    if (popup.closed) return finish(current, { status: 'cancelled', error: closedError() });
    popup.navigate(authUrl);
    set({ ...state, status: 'waiting' });

    const { signal } = current.controller;
    const { timing } = current;
    const navigatedAt = Date.now();
    let failures = 0;
    let polling = false;
    let nextPoll: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      if (polling || run !== current) return;
      polling = true;
      if (nextPoll !== undefined) {
        // A poll at once (focus, close) replaces the scheduled one.
        clearTimeout(nextPoll);
        current.timers.delete(nextPoll);
      }
      try {
        const app = await client.applications.get(slug, { signal });
        failures = 0;
        if ([...activeOAuthKeys(app)].some((key) => !baseline.has(key))) {
          finish(current, { status: 'connected' });
          return;
        }
      } catch (error) {
        failures += 1;
        if (failures >= timing.maxPollFailures) {
          fail(current, error);
          return;
        }
      } finally {
        polling = false;
      }
      if (run !== current) return;
      const fast = current.ending !== undefined || Date.now() - navigatedAt < timing.fastWindowMs;
      nextPoll = later(current, () => void poll(), fast ? timing.fastPollMs : timing.slowPollMs);
    };

    const beginGrace = (reason: 'closed' | 'timeout') => {
      if (current.ending) return;
      current.ending = reason;
      if (reason === 'timeout') closePopup(popup);
      const end =
        reason === 'closed'
          ? { status: 'cancelled' as const, error: closedError() }
          : {
              status: 'timeout' as const,
              error: new RefoldPopupError('timeout', 'The sign-in took too long. Try again.'),
            };
      later(current, () => finish(current, end), timing.graceMs);
      void poll();
    };

    // `closed` is first read once a provider's opener policy had time to sever the handle (see
    // `trustClosedAfterMs`); a handle that reads closed then is never trusted, so never read again.
    const watchClosed = () => {
      if (current.ending) return;
      if (popup.closed) beginGrace('closed');
      else later(current, watchClosed, CLOSED_CHECK_MS);
    };

    if (host) current.stops.push(host.onFocus(() => void poll()));
    later(
      current,
      () => {
        if (!popup.closed) watchClosed();
      },
      timing.trustClosedAfterMs,
    );
    later(current, () => beginGrace('timeout'), timing.timeoutMs);
    nextPoll = later(current, () => void poll(), timing.fastPollMs);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start,
    cancel() {
      if (run) finish(run, { status: 'cancelled' });
    },
    reset() {
      if (!run) set(IDLE);
    },
    dispose() {
      if (run) {
        const current = run;
        stop(current);
        current.resolve(IDLE);
      }
      state = IDLE;
    },
  };
}
