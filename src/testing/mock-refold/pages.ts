/**
 * HTML pages and SVG icons served by the mock: the fake OAuth provider, the hosted connect page and the
 * fixture icons. Plain HTML forms, no script. Every server value is escaped.
 *
 * @module
 */
import { credentialStyles, oauthFields } from './credentials.js';
import { escapeHtml } from './http.js';
import { hashString } from './fixtures.js';
import type { MockApp, MockAuthField, MockConnection } from './types.js';

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 34rem; width: calc(100% - 2rem); padding: 2rem; border: 1px solid #8884; border-radius: 12px; }
  h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: 0.55rem 1.2rem; border-radius: 8px; border: 1px solid #8886; cursor: pointer; }
  button.primary { background: #2f5bea; border-color: #2f5bea; color: #fff; }
  label { display: block; margin-top: 0.9rem; font-weight: 600; }
  input, select, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: 0.4rem; margin-top: 0.25rem; }
  input[type=checkbox] { width: auto; }
  ul { list-style: none; padding: 0; }
  li { display: flex; align-items: center; gap: 0.75rem; padding: 0.6rem 0; border-bottom: 1px solid #8883; }
  li form { margin-left: auto; }
  .muted { opacity: 0.75; font-size: 0.9rem; }
  .error { color: #c62828; }
`;

/** A whole HTML document with the mock's style. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Mock Refold</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The fake provider's consent page, with Allow and Deny buttons posting back to the mock. */
export function authorizePage(app: MockApp, iconUrl: string, state: string, linkedAccountId: string): string {
  return page(
    `Authorize ${app.name}`,
    `<img src="${escapeHtml(iconUrl)}" alt="" width="56" height="56">
<h1>Connect ${escapeHtml(app.name)}</h1>
<p>The app you are using wants to access your ${escapeHtml(app.name)} account
(customer <strong>${escapeHtml(linkedAccountId)}</strong>) through Refold.</p>
<p class="muted">This is the mock OAuth provider of Mock Refold: no real account is involved.</p>
<form method="post" action="/mock-oauth/authorize">
<input type="hidden" name="state" value="${escapeHtml(state)}">
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

/** The page shown after Allow. */
export function connectedPage(appName: string): string {
  return page(
    'Connected',
    `<h1>Connected — you can close this window</h1>
<p>${escapeHtml(appName)} is now connected.</p>`,
  );
}

/** The page shown after Deny. */
export function deniedPage(appName: string): string {
  return page(
    'Access denied',
    `<h1>Access denied</h1>
<p>You did not allow access to ${escapeHtml(appName)}. You can close this window.</p>`,
  );
}

/** The page shown for an unknown or already used `state`. */
export function invalidStatePage(): string {
  return page(
    'Link expired',
    `<h1>This authorization link is invalid or has expired</h1>
<p>Start the connection again from the app.</p>`,
  );
}

/** One app on the hosted connect page. */
export interface HostedAppRow {
  /** The app. */
  app: MockApp;
  /** Its icon URL. */
  iconUrl: string;
  /** The account's connections to it. */
  connections: MockConnection[];
}

/** The hosted connect page: every app, its status, and a way to connect it. */
export function hostedPage(sessionPath: string, title: string, rows: HostedAppRow[]): string {
  const items = rows
    .map(({ app, iconUrl, connections }) => {
      const active = connections.some((connection) => connection.status === 'active');
      const expired = connections.some((connection) => connection.status === 'expired');
      const status = active ? 'Connected' : expired ? 'Needs re-authentication' : 'Not connected';
      const oauth = oauthFields(app);
      const keyed = credentialStyles(app).length > 0;
      const slug = encodeURIComponent(app.slug);
      const actions = [
        oauth
          ? `<form method="post" action="${escapeHtml(`${sessionPath}/oauth/${slug}`)}">${oauth.map((field) => fieldInput(field, undefined)).join('')}<button type="submit">Connect with OAuth</button></form>`
          : '',
        keyed
          ? `<form method="get" action="${escapeHtml(`${sessionPath}/keybased/${slug}`)}"><button type="submit">Enter credentials</button></form>`
          : '',
      ].join('');
      return `<li><img src="${escapeHtml(iconUrl)}" alt="" width="32" height="32">
<div><strong>${escapeHtml(app.name)}</strong><div class="muted">${escapeHtml(status)}</div></div>${actions}</li>`;
    })
    .join('\n');
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<ul>\n${items}\n</ul>`);
}

function fieldInput(field: MockAuthField, value: unknown): string {
  const name = escapeHtml(field.name);
  const id = `f-${name}`;
  const required = field.required ? ' required' : '';
  const text = typeof value === 'string' ? value : '';
  if (field.options !== undefined) {
    const selected = new Set(Array.isArray(value) ? value.map(String) : [text]);
    const options = field.options
      .map((option) => {
        const value = option.value ?? '';
        return `<option value="${escapeHtml(value)}"${selected.has(value) ? ' selected' : ''}>${escapeHtml(option.name ?? value)}</option>`;
      })
      .join('');
    return `<label for="${id}">${escapeHtml(field.label)}</label><select id="${id}" name="${name}"${field.multiple === true ? ' multiple' : ''}${required}>${field.multiple === true ? '' : '<option value=""></option>'}${options}</select>`;
  }
  if (field.type === 'checkbox') {
    return `<label><input type="checkbox" name="${name}" value="true"${value === true || value === 'true' ? ' checked' : ''}> ${escapeHtml(field.label)}</label>`;
  }
  if (field.type === 'textarea') {
    return `<label for="${id}">${escapeHtml(field.label)}</label><textarea id="${id}" name="${name}" placeholder="${escapeHtml(field.placeholder)}"${required}>${escapeHtml(text)}</textarea>`;
  }
  const type = ['password', 'email', 'url', 'number'].includes(field.type) ? field.type : 'text';
  const shown = field.type === 'password' ? '' : text;
  return `<label for="${id}">${escapeHtml(field.label)}</label><input id="${id}" type="${type}" name="${name}" value="${escapeHtml(shown)}" placeholder="${escapeHtml(field.placeholder)}"${required}>`;
}

/** The hosted key-based credentials form (secrets are never echoed back). */
export function keybasedFormPage(
  app: MockApp,
  fields: readonly MockAuthField[],
  action: string,
  backHref: string,
  values: Record<string, unknown>,
  error?: string,
): string {
  const inputs = fields.map((field) => fieldInput(field, values[field.name])).join('\n');
  return page(
    `Connect ${app.name}`,
    `<h1>Connect ${escapeHtml(app.name)}</h1>
${error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="${escapeHtml(action)}">
${inputs}
<div class="actions"><button type="submit" class="primary">Save</button></div>
</form>
<p><a href="${escapeHtml(backHref)}">Back to all apps</a></p>`,
  );
}

/** The root page of the mock. */
export function indexPage(origin: string, apps: readonly MockApp[]): string {
  return page(
    'Mock Refold',
    `<h1>Mock Refold is running</h1>
<p>An in-memory Refold for tests and demos at <code>${escapeHtml(origin)}</code>, with ${apps.length} apps.</p>
<p class="muted">Mint a session token with <code>POST /api/v2/public/session-token</code> and the test API key,
then call the linked-account routes with <code>Authorization: Bearer &lt;token&gt;</code>.</p>`,
  );
}

/** Initials of an app name, e.g. "Custom Webhook" → "CW", "Slack" → "SL". */
export function initials(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const first = words[0] ?? '?';
  const second = words[1];
  return (
    second === undefined ? first.slice(0, 2) : `${first.slice(0, 1)}${second.slice(0, 1)}`
  ).toUpperCase();
}

/** A square SVG icon with the app's initials on a colour derived from its slug. */
export function iconSvg(name: string, slug: string): string {
  const hue = hashString(slug) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${escapeHtml(name)}">
<rect width="64" height="64" rx="14" fill="hsl(${hue} 62% 42%)"/>
<text x="32" y="41" text-anchor="middle" font-family="system-ui, sans-serif" font-size="24" font-weight="700" fill="#fff">${escapeHtml(initials(name))}</text>
</svg>`;
}
