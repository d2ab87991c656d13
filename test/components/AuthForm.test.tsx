import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AuthForm } from '../../src/components/AuthForm/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const ACCOUNT = 'test-customer';

describe('AuthForm', () => {
  const { mock, sent } = setupMockWorker();
  afterEach(() => vi.restoreAllMocks());

  const saves = (slug: string) =>
    sent().filter((r) => r.method === 'POST' && r.path === `/api/v2/app/${slug}/save`);

  it('renders every field type of custom-webhook with its label, and passes axe', async () => {
    const screen = renderRefold(<AuthForm slug="custom-webhook" />, { mock });
    const endpoint = await screen.findByLabelText(/Endpoint URL/);
    expect(endpoint.getAttribute('type')).toBe('url');
    expect(screen.getByLabelText(/^Signing secret/).getAttribute('type')).toBe('password');
    expect(screen.getByLabelText(/Alert email/).getAttribute('type')).toBe('email');
    expect(screen.getByLabelText(/Timeout \(seconds\)/).getAttribute('inputmode')).toBe('decimal');
    expect(screen.getByLabelText(/Extra headers/).tagName).toBe('TEXTAREA');
    expect(screen.getByRole('checkbox', { name: /Verify TLS certificates/ })).toBeTruthy();
    // Required marks: visible, and required for assistive technology; help text tied to its field.
    expect(endpoint.hasAttribute('required')).toBe(true);
    expect(screen.getByLabelText(/Alert email/).hasAttribute('required')).toBe(false);
    const headers = screen.getByLabelText(/Extra headers/);
    const help = document.getElementById(headers.getAttribute('aria-describedby')!);
    expect(help?.textContent).toBe('One "Name: value" per line.');
    for (const input of screen.container.querySelectorAll('input, textarea, select'))
      expect(input.getAttribute('autocomplete')).toBe('off');
    expect((screen.getByLabelText(/^Signing secret/) as HTMLInputElement).value).toBe('');
    await expectNoAxeViolations(screen.container);
  });

  it('renders a select (stripe) and a multi-select checkbox group (jira) with their labels', async () => {
    const stripe = renderRefold(<AuthForm slug="stripe" />, { mock });
    const mode = await stripe.findByRole('combobox', { name: /Mode/ });
    expect([...mode.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a mode',
      'Test mode',
      'Live mode',
    ]);
    stripe.unmount();

    const jira = renderRefold(<AuthForm slug="jira" />, { mock });
    const group = await jira.findByRole('group', { name: /Projects/ });
    expect(group.querySelectorAll('input[type="checkbox"]')).toHaveLength(4);
    expect(jira.getByRole('checkbox', { name: 'Engineering' })).toBeTruthy();
    await userEvent.click(jira.getByRole('checkbox', { name: 'Support' }));
    expect((jira.getByRole('checkbox', { name: 'Support' }) as HTMLInputElement).checked).toBe(true);
    await expectNoAxeViolations(jira.container);
  });

  it('shows and hides a secret with a labelled toggle button', async () => {
    const screen = renderRefold(<AuthForm slug="zendesk" />, { mock });
    const secret = (await screen.findByLabelText(/^API token/)) as HTMLInputElement;
    await userEvent.type(secret, 'tok-123');
    const toggle = screen.getByRole('button', { name: 'Show API token' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(secret.type).toBe('text');
    expect(secret.value).toBe('tok-123');
    await userEvent.click(toggle);
    expect(secret.type).toBe('password');
  });

  it('blocks the save request when required fields are empty, marks them and focuses the first', async () => {
    const screen = renderRefold(<AuthForm slug="zendesk" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Zendesk' }));
    const subdomain = screen.getByLabelText(/^Subdomain/);
    await expect.poll(() => subdomain.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(subdomain);
    expect(screen.getByLabelText(/^Agent email/).getAttribute('aria-invalid')).toBe('true');
    const described = subdomain.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      'This field is required.',
    );
    expect(saves('zendesk')).toHaveLength(0);
    await expectNoAxeViolations(screen.container);

    // Typing into a field clears its own message until the next submit.
    await userEvent.type(subdomain, 'acme');
    expect(subdomain.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByLabelText(/^Agent email/).getAttribute('aria-invalid')).toBe('true');
  });

  it('checks number, URL and e-mail formats before sending', async () => {
    const screen = renderRefold(<AuthForm slug="custom-webhook" />, { mock });
    await userEvent.type(await screen.findByLabelText(/Endpoint URL/), 'not a url');
    await userEvent.type(screen.getByLabelText(/^Signing secret/), 'whsec');
    await userEvent.type(screen.getByLabelText(/Alert email/), 'ops');
    await userEvent.type(screen.getByLabelText(/Timeout/), 'ten');
    await userEvent.click(screen.getByRole('button', { name: /^Connect/ }));
    expect(await screen.findByText('Enter a web address that starts with https://.')).toBeTruthy();
    expect(screen.getByText('Enter an email address, such as name@example.com.')).toBeTruthy();
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Endpoint URL/));
    expect(saves('custom-webhook')).toHaveLength(0);
  });

  it('submits with Enter, saves typed values (numbers as numbers) and reports the connection', async () => {
    const onConnected = vi.fn();
    const screen = renderRefold(<AuthForm slug="freshdesk" onConnected={onConnected} />, { mock });
    await userEvent.type(await screen.findByLabelText(/^Domain/), 'acme.freshdesk.com');
    await userEvent.type(screen.getByLabelText(/^API key/), 'fd-key-1');
    await userEvent.click(screen.getByRole('checkbox', { name: /Include archived tickets/ }));
    await userEvent.type(screen.getByLabelText(/Days of history/), '45{Enter}');
    expect(await screen.findByText('Freshdesk is connected.', { selector: 'p:not([role])' })).toBeTruthy();
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(screen.container.firstElementChild!.getAttribute('data-state')).toBe('connected');
    expect(mock.account(ACCOUNT).savedCredentials('freshdesk')).toEqual({
      domain: 'acme.freshdesk.com',
      api_key: 'fd-key-1',
      sync_window_days: 45,
      include_archived: true,
    });
    expect(screen.getByRole('status').textContent).toBe('Freshdesk is connected.');
    await expectNoAxeViolations(screen.container);
  });

  it('fault 21: a rejected save keeps every typed value, shows the server message by the form, and sends the secret only to the save request', async () => {
    mock.account(ACCOUNT).rejectNextSave('jira', 'Jira rejected the credentials (401 Unauthorized)');
    const secret = 'atl-secret-9f8e7d';
    const screen = renderRefold(<AuthForm slug="jira" />, { mock });
    await userEvent.type(await screen.findByLabelText(/^Site URL/), 'https://acme.atlassian.net');
    await userEvent.type(screen.getByLabelText(/^Account email/), 'me@acme.test');
    await userEvent.type(screen.getByLabelText(/^API token/), secret);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Operations' }));
    await userEvent.click(screen.getByRole('button', { name: 'Connect Jira' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Failed to verify credentials: Jira rejected the credentials (401 Unauthorized)',
    );
    expect(screen.container.firstElementChild!.getAttribute('data-state')).toBe('error');
    expect((screen.getByLabelText(/^Site URL/) as HTMLInputElement).value).toBe('https://acme.atlassian.net');
    expect((screen.getByLabelText(/^Account email/) as HTMLInputElement).value).toBe('me@acme.test');
    expect((screen.getByLabelText(/^API token/) as HTMLInputElement).value).toBe(secret);
    expect((screen.getByRole('checkbox', { name: 'Operations' }) as HTMLInputElement).checked).toBe(true);

    const carrying = sent().filter((r) => JSON.stringify(r).includes(secret));
    expect(carrying.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/app/jira/save']);
    expect(carrying[0]!.body).toMatchObject({ api_token: secret, projects: ['OPS'] });
    expect(screen.container.innerHTML).not.toContain(secret);
    await expectNoAxeViolations(screen.container);
  });

  it("shows the server's field errors by their fields", async () => {
    mock.inject(
      { method: 'POST', path: '/api/v2/app/zendesk/save' },
      {
        status: 400,
        body: {
          message: 'Some values were refused.',
          field_errors: [{ id: 'subdomain', error: { message: 'No Zendesk account at this subdomain.' } }],
        },
      },
    );
    const screen = renderRefold(<AuthForm slug="zendesk" />, { mock });
    await userEvent.type(await screen.findByLabelText(/^Subdomain/), 'nobody');
    await userEvent.type(screen.getByLabelText(/^Agent email/), 'agent@acme.test');
    await userEvent.type(screen.getByLabelText(/^API token/), 'tok{Enter}');
    const subdomain = screen.getByLabelText(/^Subdomain/);
    await expect.poll(() => subdomain.getAttribute('aria-invalid')).toBe('true');
    const errorId = subdomain.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(errorId)?.textContent).toBe('No Zendesk account at this subdomain.');
    expect((await screen.findByRole('alert')).textContent).toBe('Some values were refused.');
    expect(document.activeElement).toBe(subdomain);
  });

  it('follows the fields in Tab order: each input, the show button after its secret, then submit', async () => {
    const screen = renderRefold(<AuthForm slug="zendesk" />, { mock });
    const subdomain = await screen.findByLabelText(/^Subdomain/);
    subdomain.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Agent email/));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText(/^API token/));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show API token' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect Zendesk' }));
  });

  it('shows loading, then an error with a retry when the app cannot be loaded', async () => {
    mock.inject({ method: 'GET', path: '/api/v2/f-sdk/application/stripe' }, { status: 500, times: 1 });
    const screen = renderRefold(<AuthForm slug="stripe" />, { mock });
    expect(screen.container.firstElementChild!.getAttribute('data-state')).toBe('loading');
    expect(screen.getByText('Loading…')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText(/^Secret key/)).toBeTruthy();
  });
  it('shows the key-based form for `{ keybased: [...], oauth2: [] }` and saves it without a popup', async () => {
    const open = vi.spyOn(window, 'open');
    const screen = renderRefold(<AuthForm slug="intercom" />, { mock });
    await userEvent.type(await screen.findByLabelText(/^Access token/), 'dG9rOm-42{Enter}');
    expect(await screen.findByText('Intercom is connected.', { selector: 'p:not([role])' })).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
    expect(saves('intercom').map((r) => r.body)).toEqual([{ access_token: 'dG9rOm-42' }]);
  });

  it('shows a connector sub-type form (basic_auth) and saves it with auth_type; a null option is the empty choice', async () => {
    const screen = renderRefold(<AuthForm slug="twilio" />, { mock });
    await userEvent.type(await screen.findByLabelText(/^Account SID/), 'AC42');
    await userEvent.type(screen.getByLabelText(/^Auth token/), 'tw-secret');
    expect(screen.container.firstElementChild).toHaveAttribute('data-sub-type', 'basic_auth');
    const region = screen.getByRole('combobox', { name: /Region/ });
    expect([...region.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Default (United States)'],
      ['ie1', 'Ireland'],
      ['au1', 'Australia'],
    ]);
    await expectNoAxeViolations(screen.container);
    await userEvent.selectOptions(region, 'ie1');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Twilio' }));
    expect(await screen.findByText('Twilio is connected.', { selector: 'p:not([role])' })).toBeTruthy();
    expect(saves('twilio').map((r) => r.body)).toEqual([
      { account_sid: 'AC42', auth_token: 'tw-secret', region: 'ie1', auth_type: 'basic_auth' },
    ]);
  });

  it('connects a `noauth` app with no field, sending only its auth_type', async () => {
    const screen = renderRefold(<AuthForm slug="public-holidays" />, { mock });
    expect(await screen.findByText('No details are needed to connect Public Holidays.')).toBeTruthy();
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Connect Public Holidays' }));
    expect(
      await screen.findByText('Public Holidays is connected.', { selector: 'p:not([role])' }),
    ).toBeTruthy();
    expect(saves('public-holidays').map((r) => r.body)).toEqual([{ auth_type: 'noauth' }]);
  });
});
