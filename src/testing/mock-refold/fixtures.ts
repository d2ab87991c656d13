/**
 * Realistic fixtures of the mock Refold: apps of every auth style, config templates covering every config
 * field type, org workflows and a deterministic executions generator.
 *
 * @module
 */
import type {
  MockApp,
  MockAuthField,
  MockAuthOption,
  MockConfigField,
  MockConfigOption,
  MockConfigTemplate,
  MockExecution,
  MockExecutionNode,
  MockExecutionSeedContext,
  MockExecutionStatus,
  MockNodeStatus,
  MockOption,
  MockWorkflow,
} from './types.js';
import { MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS } from './types.js';

/** The org every mock token belongs to. */
export const MOCK_ORG_ID = '64f0c0ffee00000000000001';

/** The default test API key of the mock (test keys start with `tk`). */
export const DEFAULT_MOCK_API_KEY = 'tk_test_mock_0123456789abcdef';

/** The linked account used by the demo and the start script. */
export const DEMO_LINKED_ACCOUNT_ID = 'demo-customer';

const appId = (n: number): string => `65a1f0c2e4b0${n.toString(16).padStart(12, '0')}`;
const workflowId = (n: number): string => `66b2e1d3f5c0${n.toString(16).padStart(12, '0')}`;

const opt = (value: string, name?: string): MockOption => (name === undefined ? { value } : { name, value });
const region = (value: string | null, name: string): MockAuthOption => ({ name, value });

const secret = (name: string, label: string, placeholder: string, help_text?: string): MockAuthField => ({
  name,
  label,
  type: 'password',
  required: true,
  placeholder,
  ...(help_text === undefined ? {} : { help_text }),
});

const wrong = (field: string, app: string): { field: string; value: string; reason: string }[] => [
  { field, value: 'wrong', reason: `${app} rejected the credentials (401 Unauthorized)` },
];

/**
 * The fixture apps: 18 apps across CRM, Communication, Support, Finance, Productivity, Marketing and
 * Developer tools, answered as real Refold answers them: OAuth (with and without pre-auth fields, PKCE,
 * `client_credentials`; HubSpot's connection identifier is an object), key-based (every input type),
 * `{ oauth2: [], keybased: [...] }` (key-based only: Intercom), and connector sub-types saved with
 * `auth_type` (`basic_auth`: Twilio, with a `null` option value; `api_key`: Statuspage; `noauth`, no field:
 * Public Holidays). Every app with credential fields refuses the value `wrong` in its secret field.
 */
export const mockApps: readonly MockApp[] = [
  {
    app_id: appId(1),
    name: 'Slack',
    slug: 'slack',
    description: 'Send notifications and alerts to Slack channels.',
    tags: ['Communication'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(2),
    name: 'HubSpot',
    slug: 'hubspot',
    description: 'Sync contacts, companies and deals with HubSpot CRM.',
    tags: ['CRM', 'Marketing'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: { oauth2: [] },
    // HubSpot identifies a connection by an object, not a string.
    mock: {
      oauthIdentifier: { portalId: 24681357, user: 'sales@acme.example', hub_domain: 'acme.hubspot.com' },
    },
  },
  {
    app_id: appId(3),
    name: 'Salesforce',
    slug: 'salesforce',
    description: 'Keep leads, accounts and opportunities in sync with Salesforce.',
    tags: ['CRM'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: {
      oauth2: [
        {
          name: 'instance_url',
          label: 'Instance URL',
          type: 'url',
          required: true,
          placeholder: 'https://yourcompany.my.salesforce.com',
          help_text: 'The address you use to sign in to Salesforce.',
        },
      ],
    },
  },
  {
    app_id: appId(4),
    name: 'Zendesk',
    slug: 'zendesk',
    description: 'Create and update Zendesk tickets from your product.',
    tags: ['Support'],
    kind: 'native',
    auth_type_options: {
      keybased: [
        {
          name: 'subdomain',
          label: 'Subdomain',
          type: 'text',
          required: true,
          placeholder: 'yourcompany',
          help_text: 'The part before .zendesk.com.',
        },
        {
          name: 'email',
          label: 'Agent email',
          type: 'email',
          required: true,
          placeholder: 'agent@example.com',
        },
        secret(
          'api_token',
          'API token',
          'Paste your Zendesk API token',
          'Admin Center → Apps and integrations → APIs.',
        ),
      ],
    },
    mock: { wrongCredentials: wrong('api_token', 'Zendesk') },
  },
  {
    app_id: appId(5),
    name: 'Stripe',
    slug: 'stripe',
    description: 'Read payments, customers and subscriptions from Stripe.',
    tags: ['Finance'],
    kind: 'native',
    auth_type_options: {
      keybased: [
        secret('secret_key', 'Secret key', 'sk_test_…', 'Developers → API keys.'),
        {
          name: 'mode',
          label: 'Mode',
          type: 'select',
          required: true,
          placeholder: 'Choose a mode',
          options: [opt('test', 'Test mode'), opt('live', 'Live mode')],
        },
      ],
    },
    mock: { wrongCredentials: wrong('secret_key', 'Stripe') },
  },
  {
    app_id: appId(6),
    name: 'Intercom',
    slug: 'intercom',
    description: 'Sync conversations and users with Intercom.',
    tags: ['Communication', 'Support'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: {
      oauth2: [],
      keybased: [
        secret('access_token', 'Access token', 'dG9rOm…', 'Developer Hub → your app → Authentication.'),
      ],
    },
    mock: { wrongCredentials: wrong('access_token', 'Intercom') },
  },
  {
    app_id: appId(7),
    name: 'QuickBooks',
    slug: 'quickbooks',
    description: 'Push invoices and payments to QuickBooks Online.',
    tags: ['Finance'],
    kind: 'native',
    grant_type: 'client_credentials',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(8),
    name: 'Notion',
    slug: 'notion',
    description: 'Create pages and database rows in Notion.',
    tags: ['Productivity'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(9),
    name: 'Jira',
    slug: 'jira',
    description: 'Open and track Jira issues from customer reports.',
    tags: ['Productivity'],
    kind: 'native',
    auth_type_options: {
      keybased: [
        {
          name: 'url',
          label: 'Site URL',
          type: 'url',
          required: true,
          placeholder: 'https://yourcompany.atlassian.net',
        },
        {
          name: 'email',
          label: 'Account email',
          type: 'email',
          required: true,
          placeholder: 'you@example.com',
        },
        secret('api_token', 'API token', 'Paste your Atlassian API token'),
        {
          name: 'projects',
          label: 'Projects',
          type: 'select',
          required: false,
          multiple: true,
          placeholder: 'All projects',
          help_text: 'Leave empty to sync every project.',
          options: [
            opt('ENG', 'Engineering'),
            opt('SUP', 'Support'),
            opt('OPS', 'Operations'),
            opt('MKT', 'Marketing'),
          ],
        },
      ],
    },
    mock: { wrongCredentials: wrong('api_token', 'Jira') },
  },
  {
    app_id: appId(10),
    name: 'Mailchimp',
    slug: 'mailchimp',
    description: 'Add subscribers and tag audiences in Mailchimp.',
    tags: ['Marketing'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(11),
    name: 'Freshdesk',
    slug: 'freshdesk',
    description: 'Sync Freshdesk tickets and contacts.',
    tags: ['Support'],
    kind: 'native',
    auth_type_options: {
      keybased: [
        {
          name: 'domain',
          label: 'Domain',
          type: 'text',
          required: true,
          placeholder: 'yourcompany.freshdesk.com',
        },
        secret('api_key', 'API key', 'Your Freshdesk API key', 'Profile settings → View API key.'),
        {
          name: 'sync_window_days',
          label: 'Days of history',
          type: 'number',
          required: false,
          placeholder: '30',
          help_text: 'How far back the first sync reaches.',
        },
        {
          name: 'include_archived',
          label: 'Include archived tickets',
          type: 'checkbox',
          required: false,
          placeholder: '',
        },
      ],
    },
    mock: { wrongCredentials: wrong('api_key', 'Freshdesk') },
  },
  {
    app_id: appId(12),
    name: 'Xero',
    slug: 'xero',
    description: 'Reconcile invoices and contacts with Xero accounting.',
    tags: ['Finance'],
    kind: 'native',
    grant_type: 'authorization_code_pkce',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(13),
    name: 'Asana',
    slug: 'asana',
    description: 'Turn requests into Asana tasks and follow their progress.',
    tags: ['Productivity'],
    kind: 'native',
    grant_type: 'authorization_code',
    auth_type_options: { oauth2: [] },
  },
  {
    app_id: appId(14),
    name: 'Pipedrive',
    slug: 'pipedrive',
    description: 'Sync people, organizations and deals with Pipedrive.',
    tags: ['CRM'],
    kind: 'native',
    auth_type_options: {
      keybased: [
        {
          name: 'company_domain',
          label: 'Company domain',
          type: 'text',
          required: true,
          placeholder: 'yourcompany',
        },
        secret('api_token', 'API token', 'Your personal API token', 'Personal preferences → API.'),
      ],
    },
    mock: { wrongCredentials: wrong('api_token', 'Pipedrive') },
  },
  {
    app_id: appId(15),
    name: 'Twilio',
    slug: 'twilio',
    description: 'Send SMS and WhatsApp messages through Twilio.',
    tags: ['Communication'],
    kind: 'universal_connector',
    auth_type: 'basic_auth',
    auth_type_options: {
      basic_auth: [
        { name: 'account_sid', label: 'Account SID', type: 'text', required: true, placeholder: 'AC…' },
        secret('auth_token', 'Auth token', 'Your Twilio auth token'),
        {
          name: 'from_number',
          label: 'Sender number',
          type: 'text',
          required: false,
          placeholder: '+15551234567',
        },
        {
          name: 'region',
          label: 'Region',
          type: 'select',
          required: false,
          placeholder: 'Choose a region',
          options: [
            region(null, 'Default (United States)'),
            region('ie1', 'Ireland'),
            region('au1', 'Australia'),
          ],
        },
      ],
    },
    mock: { wrongCredentials: wrong('auth_token', 'Twilio') },
  },
  {
    app_id: appId(16),
    name: 'Custom Webhook',
    slug: 'custom-webhook',
    description: 'Deliver events to any HTTPS endpoint you own.',
    tags: ['Developer tools'],
    kind: 'custom',
    auth_type_options: {
      keybased: [
        {
          name: 'endpoint',
          label: 'Endpoint URL',
          type: 'url',
          required: true,
          placeholder: 'https://hooks.example.com/refold',
        },
        secret('signing_secret', 'Signing secret', 'Used to sign every delivery'),
        {
          name: 'contact_email',
          label: 'Alert email',
          type: 'email',
          required: false,
          placeholder: 'ops@example.com',
        },
        {
          name: 'timeout_seconds',
          label: 'Timeout (seconds)',
          type: 'number',
          required: false,
          placeholder: '10',
        },
        {
          name: 'extra_headers',
          label: 'Extra headers',
          type: 'textarea',
          required: false,
          placeholder: 'X-Team: growth',
          help_text: 'One "Name: value" per line.',
        },
        {
          name: 'verify_tls',
          label: 'Verify TLS certificates',
          type: 'checkbox',
          required: false,
          placeholder: '',
        },
      ],
    },
    mock: { wrongCredentials: wrong('signing_secret', 'The endpoint') },
  },
  {
    app_id: appId(17),
    name: 'Statuspage',
    slug: 'statuspage',
    description: 'Open and resolve incidents on your Statuspage.',
    tags: ['Developer tools'],
    kind: 'universal_connector',
    // A connector sub-type named by the app's auth_type, its fields under `keybased`.
    auth_type: 'api_key',
    auth_type_options: {
      keybased: [
        { name: 'page_id', label: 'Page ID', type: 'text', required: true, placeholder: 'kctbh9vrtdwd' },
        secret('api_key', 'API key', 'Your Statuspage API key', 'Your avatar → API info.'),
      ],
    },
    mock: { wrongCredentials: wrong('api_key', 'Statuspage') },
  },
  {
    app_id: appId(18),
    name: 'Public Holidays',
    slug: 'public-holidays',
    description: 'Skip runs on public holidays of your country.',
    tags: ['Productivity'],
    kind: 'universal_connector',
    // A public API: nothing to fill in, still connected with a save (auth_type: noauth).
    auth_type: 'noauth',
    auth_type_options: { noauth: [] },
  },
];

/** A choice whose value is `null`, as real config fields offer ("none"). */
const none = (name: string): MockConfigOption => ({ name, value: null });

/**
 * The default app-level config template of an app: one field of every config field type, a hidden field,
 * a required select, a multi-select and a dependent select (`stage` depends on `pipeline`). Stored values
 * look like real ones: a nested rule-engine value, a `map_v2` field with `mapping` and several values per
 * key, a map whose choices include a `null` value, and `labels` given as an object of metadata.
 */
export function defaultConfigTemplate(app: Pick<MockApp, 'name' | 'slug'>): MockConfigTemplate {
  const fields: MockConfigField[] = [
    {
      id: 'sync_frequency',
      name: 'Sync frequency',
      field_type: 'select',
      required: true,
      value: 'hourly',
      options: [opt('15m', 'Every 15 minutes'), opt('hourly', 'Hourly'), opt('daily', 'Daily')],
    },
    {
      id: 'objects',
      name: `${app.name} objects to sync`,
      field_type: 'select',
      multiple: true,
      value: ['contacts'],
      options: [
        opt('contacts', 'Contacts'),
        opt('companies', 'Companies'),
        opt('deals', 'Deals'),
        opt('tickets', 'Tickets'),
      ],
    },
    {
      id: 'pipeline',
      name: 'Pipeline',
      field_type: 'select',
      options: [opt('sales', 'Sales pipeline'), opt('support', 'Support pipeline')],
      help_text: 'Choose a pipeline to see its stages.',
    },
    {
      id: 'stage',
      name: 'Default stage',
      field_type: 'select',
      parent: 'pipeline',
      optionsByParent: {
        sales: [
          opt('lead', 'Lead'),
          opt('qualified', 'Qualified'),
          opt('proposal', 'Proposal'),
          opt('won', 'Closed won'),
        ],
        support: [opt('new', 'New'), opt('open', 'Open'), opt('pending', 'Pending'), opt('solved', 'Solved')],
      },
    },
    {
      id: 'default_owner',
      name: 'Default owner email',
      field_type: 'email',
      placeholder: 'owner@example.com',
    },
    {
      id: 'batch_size',
      name: 'Batch size',
      field_type: 'number',
      value: 100,
      help_text: 'Records per request.',
    },
    {
      id: 'callback_url',
      name: 'Callback URL',
      field_type: 'url',
      placeholder: 'https://example.com/hooks/refold',
    },
    { id: 'sync_start_date', name: 'Sync records created after', field_type: 'date' },
    {
      id: 'record_prefix',
      name: 'Record name prefix',
      field_type: 'text',
      placeholder: 'ACME-',
      labels: { env: 'production' },
    },
    { id: 'notes', name: 'Notes for your team', field_type: 'textarea' },
    {
      id: 'custom_payload',
      name: 'Extra payload (JSON)',
      field_type: 'json',
      value: '{"source":"refold"}',
      help_text: 'Merged into every record sent to ' + app.name + '.',
    },
    {
      id: 'field_mapping',
      name: 'Field mapping',
      field_type: 'map',
      labels: [opt('email', 'Email'), opt('full_name', 'Full name'), opt('company', 'Company')],
      options: [
        opt('email', `${app.name} email`),
        opt('firstname', `${app.name} first name`),
        opt('lastname', `${app.name} last name`),
        opt('company_name', `${app.name} company`),
        none('Do not sync'),
      ],
      value: { email: 'email', company: 'company_name' },
    },
    {
      id: 'status_mapping',
      name: 'Status mapping',
      field_type: 'map_v2',
      mapping: {
        lhs: {
          name: 'Your customer status',
          type: 'select',
          options: [opt('active', 'Active'), opt('trial', 'Trial'), opt('churned', 'Churned')],
        },
        rhs: {
          name: `${app.name} lifecycle stage`,
          type: 'select',
          options: [
            opt('customer', 'Customer'),
            opt('evangelist', 'Evangelist'),
            opt('former_customer', 'Former customer'),
            opt('other', 'Other'),
          ],
        },
      },
      value: { active: ['customer', 'evangelist'], churned: ['former_customer'] },
    },
    {
      id: 'routing_rules',
      name: 'Routing rules',
      field_type: 'rule_engine',
      ruleColumns: [
        {
          name: 'Deal amount',
          value: 'amount',
          rhs: { type: 'text' },
          operators: [opt('gt', 'greater than'), opt('lt', 'less than'), opt('eq', 'equals')],
        },
        {
          name: 'Country',
          value: 'country',
          rhs: {
            type: 'select',
            options: [opt('US', 'United States'), opt('DE', 'Germany'), opt('IN', 'India')],
          },
          operators: [opt('eq', 'is'), opt('neq', 'is not')],
        },
      ],
      value: {
        logic: 'AND',
        conditions: [
          { lhs: 'country', operator: 'eq', rhs: 'US', type: 'select' },
          {
            logic: 'OR',
            conditions: [
              { lhs: 'amount', operator: 'gt', rhs: '5000', type: 'text' },
              { lhs: 'country', operator: 'neq', rhs: 'DE', type: 'select' },
            ],
          },
        ],
      },
    },
    {
      id: 'external_ref',
      name: 'External reference',
      field_type: 'text',
      hidden: true,
      value: `${app.slug}-ref`,
    },
  ];
  return { fields };
}

const wfDate = (day: number): string => new Date(Date.UTC(2025, 0, 1 + day, 9, 30)).toISOString();

const channelField: MockConfigField = {
  id: 'channel',
  name: 'Channel',
  field_type: 'select',
  required: true,
  value: 'general',
  options: [opt('general', '#general'), opt('alerts', '#alerts'), opt('sales', '#sales')],
};

/**
 * The org workflows: 16, most published, each tied to an app slug, several with their own fields.
 */
export const mockWorkflows: readonly MockWorkflow[] = [
  {
    _id: workflowId(1),
    name: 'Post new deals to Slack',
    description: 'Announce every new deal in a channel.',
    slug: 'slack',
    published: true,
    createdAt: wfDate(1),
    updatedAt: wfDate(40),
    fields: [channelField, { id: 'min_amount', name: 'Minimum amount', field_type: 'number', value: 1000 }],
  },
  {
    _id: workflowId(2),
    name: 'Daily summary to Slack',
    description: 'Post a digest of yesterday’s activity every morning.',
    slug: 'slack',
    published: true,
    createdAt: wfDate(3),
    updatedAt: wfDate(33),
    fields: [channelField, { id: 'post_time', name: 'Post at (HH:MM)', field_type: 'text', value: '09:00' }],
  },
  {
    _id: workflowId(3),
    name: 'Sync contacts to HubSpot',
    description: 'Create or update HubSpot contacts when users sign up.',
    slug: 'hubspot',
    published: true,
    createdAt: wfDate(5),
    updatedAt: wfDate(41),
    fields: [
      {
        id: 'lifecycle_stage',
        name: 'Lifecycle stage',
        field_type: 'select',
        value: 'lead',
        options: [opt('lead', 'Lead'), opt('customer', 'Customer'), none('Keep the current stage')],
      },
    ],
  },
  {
    _id: workflowId(4),
    name: 'Log calls in HubSpot',
    description: 'Attach call recordings to HubSpot timelines.',
    slug: 'hubspot',
    published: true,
    createdAt: wfDate(6),
    updatedAt: wfDate(20),
  },
  {
    _id: workflowId(5),
    name: 'Create Salesforce leads',
    description: 'Turn trial sign-ups into Salesforce leads.',
    slug: 'salesforce',
    published: true,
    createdAt: wfDate(8),
    updatedAt: wfDate(44),
    fields: [{ id: 'lead_source', name: 'Lead source', field_type: 'text', value: 'Product trial' }],
  },
  {
    _id: workflowId(6),
    name: 'Update opportunity stages',
    description: 'Move opportunities as contracts get signed.',
    slug: 'salesforce',
    published: true,
    createdAt: wfDate(9),
    updatedAt: wfDate(30),
  },
  {
    _id: workflowId(7),
    name: 'Escalate urgent tickets',
    description: 'Raise priority and notify on-call for urgent Zendesk tickets.',
    slug: 'zendesk',
    published: true,
    createdAt: wfDate(11),
    updatedAt: wfDate(45),
    fields: [
      {
        id: 'priority',
        name: 'Priority',
        field_type: 'select',
        value: 'urgent',
        options: [opt('high', 'High'), opt('urgent', 'Urgent')],
      },
    ],
  },
  {
    _id: workflowId(8),
    name: 'Record Stripe payments',
    description: 'Store every successful charge for reporting.',
    slug: 'stripe',
    published: true,
    createdAt: wfDate(12),
    updatedAt: wfDate(46),
  },
  {
    _id: workflowId(9),
    name: 'Create Jira issues from bugs',
    description: 'File a Jira issue for each bug report.',
    slug: 'jira',
    published: true,
    createdAt: wfDate(14),
    updatedAt: wfDate(47),
    fields: [
      {
        id: 'project',
        name: 'Project',
        field_type: 'select',
        required: true,
        value: 'ENG',
        options: [opt('ENG', 'Engineering'), opt('SUP', 'Support')],
      },
      { id: 'labels', name: 'Labels', field_type: 'text', value: 'customer-report' },
    ],
  },
  {
    _id: workflowId(10),
    name: 'Add subscribers to Mailchimp',
    description: 'Add newsletter opt-ins to an audience.',
    slug: 'mailchimp',
    published: true,
    createdAt: wfDate(15),
    updatedAt: wfDate(35),
  },
  {
    _id: workflowId(11),
    name: 'Export invoices to QuickBooks',
    description: 'Send finalised invoices to QuickBooks Online.',
    slug: 'quickbooks',
    published: true,
    createdAt: wfDate(17),
    updatedAt: wfDate(48),
  },
  {
    _id: workflowId(12),
    name: 'Create Notion pages for meetings',
    description: 'Prepare a Notion page for every booked meeting.',
    slug: 'notion',
    published: true,
    createdAt: wfDate(18),
    updatedAt: wfDate(38),
  },
  {
    _id: workflowId(13),
    name: 'Sync Intercom conversations',
    description: 'Mirror Intercom conversations into your inbox.',
    slug: 'intercom',
    published: true,
    createdAt: wfDate(20),
    updatedAt: wfDate(49),
  },
  {
    _id: workflowId(14),
    name: 'Import Freshdesk tickets',
    description: 'Backfill Freshdesk tickets into analytics.',
    slug: 'freshdesk',
    published: true,
    createdAt: wfDate(21),
    updatedAt: wfDate(42),
  },
  {
    _id: workflowId(15),
    name: 'Reconcile Xero invoices (draft)',
    description: 'Not released yet.',
    slug: 'xero',
    published: false,
    createdAt: wfDate(25),
    updatedAt: wfDate(50),
  },
  {
    _id: workflowId(16),
    name: 'Asana task from form (draft)',
    description: 'Not released yet.',
    slug: 'asana',
    published: false,
    createdAt: wfDate(26),
    updatedAt: wfDate(51),
  },
];

/** FNV-1a hash of a string, as an unsigned 32-bit number. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small deterministic PRNG (mulberry32) answering numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NODE_PLAN: readonly { name: string; type: string }[] = [
  { name: 'Trigger', type: 'trigger' },
  { name: 'Fetch records', type: 'http' },
  { name: 'Transform', type: 'code' },
  { name: 'Upsert records', type: 'action' },
  { name: 'Notify', type: 'action' },
];

function nodesFor(
  status: MockExecutionStatus | typeof MOCK_QUEUED_STATUS,
  count: number,
  random: () => number,
  id: string,
): MockExecutionNode[] {
  // The node where the run stopped (for every status but COMPLETED).
  let stopAt = 1 + Math.floor(random() * (count - 1));
  // A queued run has not started any node.
  if (status === MOCK_QUEUED_STATUS) stopAt = 0;
  const stopped: Record<MockExecutionStatus | typeof MOCK_QUEUED_STATUS, MockNodeStatus> = {
    COMPLETED: 'Success',
    RUNNING: 'Waiting',
    ERRORED: 'Errored',
    STOPPED: 'Stopped',
    STOPPING: 'Waiting',
    TIMED_OUT: 'Timed_Out',
    QUEUED: 'Ready',
  };
  return NODE_PLAN.slice(0, count).map((plan, index): MockExecutionNode => {
    let node_status: MockNodeStatus;
    if (status === 'COMPLETED' || index < stopAt) node_status = 'Success';
    else if (index === stopAt) node_status = stopped[status];
    else node_status = 'Ready';
    const failed = node_status === 'Errored' || node_status === 'Timed_Out';
    return {
      node_id: `${id.slice(-6)}-n${index + 1}`,
      node_name: plan.name,
      node_type: plan.type,
      node_status,
      attempts_made: node_status === 'Ready' ? 0 : failed ? 3 : 1,
      maximum_attempts: 3,
      input_data: index === 0 ? { event: 'record.updated' } : { records: 1 + Math.floor(random() * 40) },
      latest_output:
        node_status === 'Errored'
          ? { error: { message: 'Request failed with status 422: field "email" is invalid' } }
          : node_status === 'Timed_Out'
            ? { error: { message: 'The step did not finish within 300 s' } }
            : node_status === 'Success'
              ? { ok: true }
              : null,
    };
  });
}

const hex = (random: () => number, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16);
  return out;
};

/**
 * Generate `count` (default 60) executions for a linked account, deterministically from its id: every
 * documented status and the newer `QUEUED` appear (the first seven runs take one status each), newest
 * first, spread over the ~4 weeks before `now`, each with 3–5 nodes consistent with its status.
 * Application icons are `/mock-assets/…` paths.
 */
export function generateExecutions(context: MockExecutionSeedContext, count = 60): MockExecution[] {
  const random = seededRandom(hashString(context.linkedAccountId));
  const published = context.workflows.filter((wf) => wf.published && wf.slug !== undefined);
  const pool = published.length > 0 ? published : context.workflows;
  const statuses = [...MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS] as const;
  const weighted: readonly (typeof statuses)[number][] = [
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'COMPLETED',
    'ERRORED',
    'ERRORED',
    'RUNNING',
    'STOPPED',
    'TIMED_OUT',
    'STOPPING',
    MOCK_QUEUED_STATUS,
  ];
  const executions: MockExecution[] = [];
  let at = context.now - 60_000;
  for (let i = 0; i < count; i += 1) {
    const workflow = pool[Math.floor(random() * pool.length)];
    const app = context.apps.find((candidate) => candidate.slug === workflow?.slug) ?? context.apps[0];
    const status =
      i < statuses.length
        ? (statuses[i] ?? 'COMPLETED')
        : (weighted[Math.floor(random() * weighted.length)] ?? 'COMPLETED');
    const id = `67c3${hex(random, 20)}`;
    const nodeCount = 3 + Math.floor(random() * 3);
    const nodes = nodesFor(status, nodeCount, random, id);
    const done = nodes.filter((node) => node.node_status === 'Success').length;
    const createdAt = new Date(at).toISOString();
    executions.push({
      _id: id,
      name: workflow?.name ?? 'Workflow run',
      status,
      associated_application: {
        _id: app?.app_id ?? '',
        name: app?.name ?? 'Unknown app',
        icon: app?.icon ?? `/mock-assets/icons/${app?.slug ?? 'app'}.svg`,
      },
      associated_workflow: { _id: workflow?._id ?? '', name: workflow?.name ?? 'Workflow' },
      environment: 'test',
      config_id: context.linkedAccountId,
      linked_account_id: context.linkedAccountId,
      org_id: MOCK_ORG_ID,
      createdAt,
      updatedAt: new Date(at + 5_000 + Math.floor(random() * 120_000)).toISOString(),
      completion_percentage: status === 'COMPLETED' ? 100 : Math.round((done / nodes.length) * 100),
      trigger_application_event: random() < 0.5 ? 'record.updated' : 'record.created',
      nodes,
    });
    // 5 to 17 hours between runs: 60 runs cover about four weeks.
    at -= (5 + Math.floor(random() * 12)) * 3_600_000 + Math.floor(random() * 3_600_000);
  }
  return executions;
}
