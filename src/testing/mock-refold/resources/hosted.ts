/**
 * Hosted connect and the mock's pages: the connect-URL route, the hosted connect page (OAuth and key-based
 * connections made from it), the fake OAuth provider's authorize page, the index page and the fixture
 * icons. The HTML itself is rendered by `../pages.ts`.
 *
 * @module
 */
import { checkAuthValues, credentialStyles, oauthFields } from '../credentials.js';
import { CORS_HEADERS, apiError, html, iconUrl, isRecord, json, redirect } from '../http.js';
import {
  authorizePage,
  connectedPage,
  deniedPage,
  hostedPage,
  iconSvg,
  indexPage,
  invalidStatePage,
  keybasedFormPage,
  page,
} from '../pages.js';
import { requireObject } from '../routing.js';
import type { AddRoute, RequestContext } from '../routing.js';
import { ensureAccount, findApp } from '../state.js';
import type { HostedSession, MockState } from '../state.js';
import { randomId } from '../tokens.js';
import {
  connectServiceAccount,
  connectionsOf,
  finishOAuth,
  publicConnection,
  saveCredentials,
  startOAuth,
} from './apps.js';

/** The connect-URL route, the hosted connect pages, the fake OAuth provider, the index page and icons. */
export function hostedRoutes(state: MockState, route: AddRoute): void {
  route('POST', '/api/v2/public/connect-url', 'bearer', (context) => {
    const body = requireObject(context, true);
    const id = randomId(18);
    const configId = context.query.get('config_id');
    const title =
      typeof body['name'] === 'string' && body['name'] !== '' ? body['name'] : 'Connect your apps';
    state.hostedSessions.set(id, {
      id,
      linkedAccountId: context.account.id,
      configId: configId === null || configId === '' ? undefined : configId,
      title,
    });
    return json(200, { hosted_url: `${context.origin}/mock-hosted/connect/${id}` });
  });

  route('GET', '/', 'none', (context) => html(200, indexPage(context.origin, state.apps)));

  route('GET', '/mock-assets/icons/:file', 'none', (context) => {
    const file = context.params['file'] ?? '';
    const app = file.endsWith('.svg') ? findApp(state, file.slice(0, -4)) : undefined;
    if (app === undefined) return apiError(404, 'NOT_FOUND', `Icon not found: ${file}`);
    return new Response(iconSvg(app.name, app.slug), {
      status: 200,
      headers: { ...CORS_HEADERS, 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' },
    });
  });

  route('GET', '/mock-oauth/authorize', 'none', (context) => {
    const flow = state.oauthFlows.get(context.query.get('state') ?? '');
    const app = flow === undefined ? undefined : findApp(state, flow.slug);
    if (flow === undefined || app === undefined) return html(400, invalidStatePage());
    return html(
      200,
      authorizePage(app, iconUrl(context.origin, app.icon, app.slug), flow.state, flow.linkedAccountId),
    );
  });

  route('POST', '/mock-oauth/authorize', 'none', (context) => {
    const form = isRecord(context.body) ? context.body : {};
    const flowState = typeof form['state'] === 'string' ? form['state'] : '';
    const flow = state.oauthFlows.get(flowState);
    const app = flow === undefined ? undefined : findApp(state, flow.slug);
    if (flow === undefined || app === undefined) return html(400, invalidStatePage());
    // A full-page sign-in goes back to the page it came from (Refold's callback does the same).
    const back = flow.returnTo;
    if (form['decision'] === 'allow') {
      finishOAuth(state, flow.linkedAccountId, flow.slug, flow.identifier, flow.connectionId);
      return back === undefined ? html(200, connectedPage(app.name)) : redirect(back);
    }
    state.oauthFlows.delete(flowState);
    return back === undefined ? html(200, deniedPage(app.name)) : redirect(back);
  });

  const hostedSession = (context: RequestContext): HostedSession | undefined =>
    state.hostedSessions.get(context.params['id'] ?? '');
  const sessionPath = (session: HostedSession): string =>
    `/mock-hosted/connect/${encodeURIComponent(session.id)}`;
  const expiredHosted = (): Response =>
    html(404, page('Link expired', '<h1>This connect link is invalid or has expired</h1>'));

  route('GET', '/mock-hosted/connect/:id', 'none', (context) => {
    const session = hostedSession(context);
    if (session === undefined) return expiredHosted();
    const account = ensureAccount(state, session.linkedAccountId);
    return html(
      200,
      hostedPage(
        sessionPath(session),
        session.title,
        state.apps.map((app) => ({
          app,
          iconUrl: iconUrl(context.origin, app.icon, app.slug),
          connections: connectionsOf(account, app.slug).map(publicConnection),
        })),
      ),
    );
  });

  route('POST', '/mock-hosted/connect/:id/oauth/:slug', 'none', (context) => {
    const session = hostedSession(context);
    const app = findApp(state, context.params['slug'] ?? '');
    const fields = app === undefined ? undefined : oauthFields(app);
    if (session === undefined || app === undefined || fields === undefined) return expiredHosted();
    const account = ensureAccount(state, session.linkedAccountId);
    const input = isRecord(context.body) ? context.body : {};
    const check = checkAuthValues(fields, input);
    if (!check.ok)
      return html(
        400,
        page('Missing information', `<h1>Cannot connect</h1><p class="error">${check.message}</p>`),
      );
    if (app.grant_type === 'client_credentials') {
      connectServiceAccount(state, account, app);
      return redirect(sessionPath(session));
    }
    return redirect(startOAuth(state, account, app, check.values, context.origin));
  });

  const keybasedPage = (context: RequestContext): Response => {
    const session = hostedSession(context);
    const app = findApp(state, context.params['slug'] ?? '');
    // The hosted page offers the app's first credential style (its sub-type, when it has one).
    const style = app === undefined ? undefined : credentialStyles(app)[0];
    if (session === undefined || app === undefined || style === undefined) return expiredHosted();
    const action = `${sessionPath(session)}/keybased/${encodeURIComponent(app.slug)}`;
    const form = (values: Record<string, unknown>, error?: string) =>
      keybasedFormPage(app, style.fields, action, sessionPath(session), values, error);
    if (context.method === 'GET') return html(200, form({}));
    const input = isRecord(context.body) ? context.body : {};
    const result = saveCredentials(
      state,
      ensureAccount(state, session.linkedAccountId),
      app,
      input,
      style.authType === 'keybased' ? undefined : style.authType,
    );
    if (result.ok) return redirect(sessionPath(session));
    return html(result.status, form(input, result.message));
  };
  route('GET', '/mock-hosted/connect/:id/keybased/:slug', 'none', keybasedPage);
  route('POST', '/mock-hosted/connect/:id/keybased/:slug', 'none', keybasedPage);
}
