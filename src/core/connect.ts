import type { AuthValues, RefoldClient } from './client.js';
import {
  RefoldAbortError,
  RefoldArgumentError,
  RefoldError,
  RefoldNetworkError,
  RefoldPopupError,
  RefoldValidationError,
} from './errors.js';
import type { Application, AuthField, AuthType, ConnectedAccount } from './types.js';

/** Where a connect flow is. */
export type ConnectStatus =
  'idle' | 'opening' | 'waiting' | 'saving' | 'connected' | 'cancelled' | 'blocked' | 'timeout' | 'error';

/** A snapshot of a connect flow. */
export interface ConnectState {
  /** Where the flow is. */
  status: ConnectStatus;
  /** How the flow authenticates (known once it started). */
  authType: AuthType | undefined;
  /** Why it failed (`blocked`, `timeout`, `error`). Never holds a token or a typed secret. */
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
  /** True once the popup is gone, or (with some opener policies) as soon as it navigates away. */
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
  /** Give up after this long. @default 300_000 (5 min) */
  timeoutMs?: number;
  /** Keep polling this long after the popup closed or the time ran out. @default 6_000 */
  graceMs?: number;
  /** Poll interval during the first `fastWindowMs`. @default 750 */
  fastPollMs?: number;
  /** How long polling stays fast. @default 60_000 */
  fastWindowMs?: number;
  /** Poll interval afterwards. @default 3_000 */
  slowPollMs?: number;
  /** How often `popup.closed` is read (costs no request). @default 250 */
  closedCheckMs?: number;
  /** Poll failures in a row that end the flow. @default 3 */
  maxPollFailures?: number;
}

/** Options of {@link createConnectFlow}. */
export interface ConnectFlowOptions extends ConnectTiming {
  /** The client to call Refold with. */
  client: RefoldClient;
  /** App to connect. */
  slug: string;
  /** Popup host; required for OAuth, unused for key-based and machine-to-machine apps. */
  host?: PopupHost;
  /** Called once when the flow ends connected. */
  onConnected?: (info: { slug: string; authType: AuthType }) => void;
  /** Called for every state change. */
  onChange?: (state: ConnectState) => void;
}

/** What {@link ConnectFlow.start} takes. */
export interface ConnectRequest {
  /** `oauth2` (popup) or `keybased` (save credentials). Default: read from `app`, else `oauth2`. */
  authType?: AuthType;
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
   * While a flow runs, a second call focuses its popup instead of starting another. Resolves with the final
   * state; never rejects.
   */
  start(request?: ConnectRequest): Promise<ConnectState>;
  /** Ends a running flow as `cancelled` and closes its popup. */
  cancel(): void;
  /** Back to `idle` (after a finished flow). */
  reset(): void;
  /**
   * Stops a running flow (timers, listeners, requests, popup) without a state change: for unmount. The flow
   * goes back to `idle` silently and can be started again.
   */
  dispose(): void;
}

const ACTIVE: ReadonlySet<ConnectStatus> = new Set(['opening', 'waiting', 'saving']);
const IDLE: ConnectState = { status: 'idle', authType: undefined, error: undefined, fieldErrors: {} };

/** True while a flow runs. */
export function isConnecting(status: ConnectStatus): boolean {
  return ACTIVE.has(status);
}

/** Which auth style a connect should use for `app`, given an explicit choice. */
export function resolveAuthType(app: Application | undefined, requested?: AuthType): AuthType {
  if (requested) return requested;
  const options = app?.auth_type_options;
  const hasKey = Boolean(options?.keybased?.length) || Boolean(app?.auth_input_map?.length);
  const hasOAuth = options?.oauth2 !== undefined || app?.grant_type !== undefined;
  if (hasKey && !hasOAuth) return 'keybased';
  if (!options && app?.auth_type === 'keybased') return 'keybased';
  return 'oauth2';
}

/** Fields of `app` for `authType`. */
export function authFieldsOf(app: Application | undefined, authType: AuthType): AuthField[] {
  if (!app) return [];
  if (authType === 'keybased') return app.auth_type_options?.keybased ?? app.auth_input_map ?? [];
  return app.auth_type_options?.oauth2 ?? [];
}

/** Checks typed values against the app's fields: required ones must be filled, numbers numeric. */
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
      continue;
    }
    if (field.type === 'number' && !Number.isFinite(typeof value === 'number' ? value : Number(value))) {
      problems[field.name] = 'invalid';
    }
  }
  return problems;
}

function activeOAuthKeys(accounts: readonly ConnectedAccount[] | undefined): Set<string> {
  return new Set(
    (accounts ?? [])
      .filter((a) => a.auth_type === 'oauth2' && (a.status ?? 'active') === 'active')
      .map((a) => `${a.connection_id ?? ''}|${a.identifier}|${a.connectedAt}`),
  );
}

/**
 * Creates the connect flow of one app. OAuth: opens a blank popup at once (inside the click), asks Refold
 * for the authorization URL, points the popup at it, then polls the app until a new active `oauth2`
 * connection appears — immediately when the popup closes or the page regains focus, about every 750 ms
 * during the first minute and every 3 s after, one request at a time. Key-based: checks the values, then
 * saves them. Machine-to-machine apps connect without a popup.
 */
export function createConnectFlow(options: ConnectFlowOptions): ConnectFlow {
  const { client, slug } = options;
  if (typeof slug !== 'string' || slug.trim() === '') {
    throw new RefoldArgumentError('createConnectFlow: slug must be an app slug such as "slack".');
  }
  const timing = {
    timeoutMs: options.timeoutMs ?? 300_000,
    graceMs: options.graceMs ?? 6_000,
    fastPollMs: options.fastPollMs ?? 750,
    fastWindowMs: options.fastWindowMs ?? 60_000,
    slowPollMs: options.slowPollMs ?? 3_000,
    closedCheckMs: options.closedCheckMs ?? 250,
    maxPollFailures: options.maxPollFailures ?? 3,
  };
  let state: ConnectState = IDLE;
  const listeners = new Set<() => void>();
  /** Everything the current run holds; replaced on every start. */
  let run: Run | undefined;

  interface Run {
    controller: AbortController;
    popup: PopupWindow | undefined;
    cleanups: (() => void)[];
    done: Promise<ConnectState>;
    resolve: (state: ConnectState) => void;
    finish: (next: Partial<ConnectState> & { status: ConnectStatus }) => void;
  }

  function set(next: ConnectState) {
    state = next;
    options.onChange?.(state);
    for (const listener of listeners) listener();
  }

  function newRun(authType: AuthType): Run {
    const controller = new AbortController();
    let resolve!: (s: ConnectState) => void;
    const done = new Promise<ConnectState>((r) => (resolve = r));
    const current: Run = {
      controller,
      popup: undefined,
      cleanups: [],
      done,
      resolve,
      finish(next) {
        if (run !== current) return;
        run = undefined;
        controller.abort();
        for (const cleanup of current.cleanups.splice(0)) cleanup();
        closePopup(current.popup);
        set({ authType, error: undefined, fieldErrors: {}, ...next });
        resolve(state);
        if (next.status === 'connected') options.onConnected?.({ slug, authType });
      },
    };
    run = current;
    return current;
  }

  function start(request: ConnectRequest = {}): Promise<ConnectState> {
    if (run) {
      run.popup?.focus();
      return run.done;
    }
    const authType = resolveAuthType(request.app, request.authType);
    const values = request.values ?? {};
    const fields = authFieldsOf(request.app, authType);
    const problems = checkAuthValues(fields, values);
    if (Object.keys(problems).length > 0) {
      set({
        status: 'error',
        authType,
        error: new RefoldValidationError('Fill in the highlighted fields.', problems),
        fieldErrors: problems,
      });
      return Promise.resolve(state);
    }
    if (authType === 'keybased') return saveKeyBased(values);
    const machineToMachine = request.app?.grant_type === 'client_credentials';
    // The popup opens here, synchronously inside the caller's click; nothing above awaits.
    let popup: PopupWindow | null = null;
    if (!machineToMachine) {
      if (!options.host) {
        set({
          ...IDLE,
          status: 'error',
          authType,
          error: new RefoldArgumentError('OAuth needs a browser window to open its popup.'),
        });
        return Promise.resolve(state);
      }
      popup = options.host.open(`refold-connect-${slug}`);
      if (!popup) {
        set({
          status: 'blocked',
          authType,
          error: new RefoldPopupError(
            'blocked',
            'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
          ),
          fieldErrors: {},
        });
        return Promise.resolve(state);
      }
    }
    const current = newRun('oauth2');
    current.popup = popup ?? undefined;
    set({ status: 'opening', authType: 'oauth2', error: undefined, fieldErrors: {} });
    void runOAuth(current, values);
    return current.done;
  }

  async function saveKeyBased(values: AuthValues): Promise<ConnectState> {
    const current = newRun('keybased');
    set({ status: 'saving', authType: 'keybased', error: undefined, fieldErrors: {} });
    try {
      await client.applications.saveCredentials(slug, values, { signal: current.controller.signal });
      current.finish({ status: 'connected' });
    } catch (error) {
      fail(current, error);
    }
    return current.done;
  }

  function fail(current: Run, error: unknown) {
    if (error instanceof RefoldAbortError || current.controller.signal.aborted) return;
    const failure =
      error instanceof RefoldError
        ? error
        : new RefoldNetworkError('The connection failed.', { cause: error });
    const fieldErrors = 'fieldErrors' in failure ? (failure.fieldErrors as Record<string, string>) : {};
    current.finish({ status: 'error', error: failure, fieldErrors });
  }

  async function runOAuth(current: Run, values: AuthValues) {
    const { signal } = current.controller;
    let baseline: Set<string>;
    let authUrl: string;
    try {
      const [app, started] = await Promise.all([
        client.applications.get(slug, { signal }),
        client.applications.oauthUrl(slug, values, { signal }),
      ]);
      if (started.connected !== undefined) {
        if (started.connected) current.finish({ status: 'connected' });
        else
          current.finish({
            status: 'error',
            error: new RefoldPopupError('closed', 'Refold could not connect this app.'),
          });
        return;
      }
      baseline = activeOAuthKeys(app.connected_accounts);
      authUrl = started.auth_url;
    } catch (error) {
      fail(current, error);
      return;
    }
    const popup = current.popup;
    if (!popup) {
      current.finish({
        status: 'error',
        error: new RefoldPopupError('blocked', 'No window to sign in with.'),
      });
      return;
    }
    if (!/^https?:\/\//i.test(authUrl)) {
      current.finish({
        status: 'error',
        error: new RefoldArgumentError('Refold sent an authorization URL that is not http(s).'),
      });
      return;
    }
    try {
      popup.navigate(authUrl);
    } catch {
      // The user closed the blank popup already: the closed check below ends the flow.
    }
    set({ ...state, status: 'waiting' });
    watch(current, popup, baseline);
  }

  function watch(current: Run, popup: PopupWindow, baseline: Set<string>) {
    const started = Date.now();
    let failures = 0;
    let polling = false;
    let lastPoll = 0;
    let seenOpen = false;
    let deadline: { at: number; reason: 'closed' | 'timeout' } | undefined;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;

    const timer = (fn: () => void, ms: number) => {
      const id = setTimeout(fn, ms);
      current.cleanups.push(() => clearTimeout(id));
      return id;
    };

    const poll = async () => {
      if (polling || run !== current) return;
      polling = true;
      lastPoll = Date.now();
      if (pollTimer !== undefined) clearTimeout(pollTimer);
      try {
        const app = await client.applications.get(slug, { signal: current.controller.signal });
        failures = 0;
        const now = activeOAuthKeys(app.connected_accounts);
        if ([...now].some((key) => !baseline.has(key))) {
          current.finish({ status: 'connected' });
          return;
        }
      } catch (error) {
        if (run !== current) return;
        failures += 1;
        if (failures >= timing.maxPollFailures) {
          fail(current, error);
          return;
        }
      } finally {
        polling = false;
      }
      if (run !== current) return;
      if (deadline && Date.now() >= deadline.at) {
        endWithoutConnection(deadline.reason);
        return;
      }
      schedule();
    };

    const schedule = () => {
      const elapsed = Date.now() - started;
      let wait = elapsed < timing.fastWindowMs ? timing.fastPollMs : timing.slowPollMs;
      if (deadline) wait = Math.min(wait, Math.max(0, deadline.at - Date.now()));
      pollTimer = timer(() => void poll(), wait);
    };

    const endWithoutConnection = (reason: 'closed' | 'timeout') => {
      if (reason === 'closed') current.finish({ status: 'cancelled' });
      else
        current.finish({
          status: 'timeout',
          error: new RefoldPopupError('timeout', 'The sign-in took too long. Try again.'),
        });
    };

    const enterGrace = (reason: 'closed' | 'timeout') => {
      if (deadline) return;
      deadline = { at: Date.now() + timing.graceMs, reason };
      if (reason === 'timeout') closePopup(popup);
      void poll();
      // Ends the flow even if a slow poll is still under way when the grace period runs out.
      timer(() => {
        if (run === current && !polling) endWithoutConnection(reason);
        else if (run === current)
          timer(() => run === current && endWithoutConnection(reason), timing.fastPollMs);
      }, timing.graceMs + 10);
    };

    const checkClosed = () => {
      if (run !== current) return;
      let closed: boolean;
      try {
        closed = popup.closed;
      } catch {
        closed = false;
      }
      // With `Cross-Origin-Opener-Policy: same-origin` the handle reads closed as soon as the provider's page
      // loads: `closed` is trusted only once the handle was seen open after navigating.
      if (!closed) seenOpen = true;
      else if (seenOpen) {
        enterGrace('closed');
        return;
      }
      timer(checkClosed, timing.closedCheckMs);
    };

    const onFocus = () => {
      if (run === current && Date.now() - lastPoll >= 250) void poll();
    };

    current.cleanups.push(options.host?.onFocus(onFocus) ?? (() => undefined));
    current.cleanups.push(() => {
      if (pollTimer !== undefined) clearTimeout(pollTimer);
    });
    timer(() => enterGrace('timeout'), timing.timeoutMs);
    checkClosed();
    schedule();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    cancel() {
      run?.finish({ status: 'cancelled' });
    },
    reset() {
      if (!run) set(IDLE);
    },
    dispose() {
      const current = run;
      if (!current) return;
      run = undefined;
      current.controller.abort();
      for (const cleanup of current.cleanups.splice(0)) cleanup();
      closePopup(current.popup);
      state = IDLE;
      current.resolve(IDLE);
    },
  };
}

function closePopup(popup: PopupWindow | undefined) {
  try {
    if (popup && !popup.closed) popup.close();
  } catch {
    // A popup of another origin may refuse; it is not ours to keep open anyway.
  }
}
