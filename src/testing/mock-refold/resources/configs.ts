/**
 * Configs: get-or-create, read, update (merged per field), delete and list; the field routes (read with
 * options, set one value, rule-engine options) scoped by `config_id`/`workflow_id` exactly as Refold
 * scopes them; and the workflow switch. Every write is logged for `MockAccount.configWrites`. The stored
 * values and their validation are in `../config.ts`.
 *
 * @module
 */
import {
  applyFieldValues,
  createConfigState,
  lookupIn,
  renderConfig,
  renderField,
  resolveOptions,
  shapeProblem,
  validateConfigValue,
  workflowState,
} from '../config.js';
import type { ConfigState, FieldError } from '../config.js';
import { HttpError, badRequest, isRecord, json, notFound } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute, RequestContext } from '../routing.js';
import { appOr404, configContext, findApp } from '../state.js';
import type { AccountState, MockState } from '../state.js';
import type { MockApp, MockConfigField, MockConfigWrite } from '../types.js';

/** The account's configs of one app, by config id (created empty on first use). */
function configsOf(account: AccountState, slug: string): Map<string, ConfigState> {
  let map = account.configs.get(slug);
  if (map === undefined) {
    map = new Map();
    account.configs.set(slug, map);
  }
  return map;
}

/** The config, created from the app's template (with `labels`) when it does not exist yet. */
function getOrCreateConfig(
  state: MockState,
  account: AccountState,
  app: MockApp,
  configId: string,
  labels?: unknown,
): ConfigState {
  const map = configsOf(account, app.slug);
  let config = map.get(configId);
  if (config === undefined) {
    const parsedLabels = Array.isArray(labels)
      ? labels.filter(isRecord).map((label) => ({
          name: typeof label['name'] === 'string' ? label['name'] : String(label['value'] ?? ''),
          value: String(label['value'] ?? label['name'] ?? ''),
        }))
      : undefined;
    config = createConfigState(app.slug, configId, configContext(state, app), parsedLabels);
    map.set(configId, config);
  }
  return config;
}

/** An existing config; a 404 answer otherwise. */
function existingConfig(account: AccountState, slug: string, configId: string): ConfigState {
  const config = account.configs.get(slug)?.get(configId);
  if (config === undefined) throw notFound(`Config not found: ${configId}`);
  return config;
}

const withOptions = (context: RequestContext): boolean => context.headers['disable_field_options'] !== 'true';

/** The app of a config-field route (`slug` header): unknown slugs answer 500 like the real service. */
function schemaApp(state: MockState, context: RequestContext): MockApp {
  const slug = context.headers['slug'];
  if (slug === undefined || slug === '') throw badRequest('The slug header is required');
  const app = findApp(state, slug);
  if (app === undefined) throw new HttpError(500, 'SERVER_ERROR', `Schema not found for slug: ${slug}`);
  return app;
}

/**
 * The config a field route acts on: the one named by the `config_id` query parameter (404 when there is no
 * such config), else the default config, exactly as Refold does. No header and no other fallback.
 */
function fieldConfig(state: MockState, context: RequestContext, app: MockApp): ConfigState {
  const configId = context.query.get('config_id');
  if (configId === null || configId === '' || configId === context.account.id) {
    return getOrCreateConfig(state, context.account, app, context.account.id);
  }
  return existingConfig(context.account, app.slug, configId);
}

/** Logs one write to a config's stored state. */
function logWrite(
  state: MockState,
  context: RequestContext,
  write: Omit<MockConfigWrite, 'at' | 'workflow_id'> & { workflow_id?: string | undefined },
): void {
  const { workflow_id, ...rest } = write;
  context.account.configWrites.push({
    ...rest,
    ...(workflow_id === undefined ? {} : { workflow_id }),
    at: state.settings.now(),
  });
}

/** The field a field route acts on, with the values it is stored among. */
interface FieldTarget {
  config: ConfigState;
  /** Set for a workflow's field (reached only with `workflow_id`). */
  workflowId?: string;
  field: MockConfigField;
  values: Map<string, unknown>;
  lookup: (id: string) => unknown;
}

function fieldTarget(state: MockState, context: RequestContext, app: MockApp): FieldTarget {
  const fieldId = context.params['fieldId'] ?? '';
  const configContextValue = configContext(state, app);
  const config = fieldConfig(state, context, app);
  const workflowId = context.query.get('workflow_id');
  if (workflowId !== null && workflowId !== '') {
    const workflow = configContextValue.workflows.find((candidate) => candidate._id === workflowId);
    if (workflow === undefined) throw notFound(`Workflow not found: ${workflowId}`);
    const wfState = workflowState(config, workflow);
    const field = workflow.fields?.find((candidate) => candidate.id === fieldId);
    if (field === undefined) throw notFound(`Field not found: ${fieldId}`);
    return { config, workflowId, field, values: wfState.values, lookup: lookupIn(config, wfState) };
  }
  const field = configContextValue.template.fields.find((candidate) => candidate.id === fieldId);
  if (field === undefined) throw notFound(`Field not found: ${fieldId}`);
  return { config, field, values: config.values, lookup: lookupIn(config) };
}

/** The answer of both field routes: the field with its current value (and options, unless turned off). */
const renderTarget = (target: FieldTarget, context: RequestContext) =>
  renderField(
    target.field,
    target.values.get(target.field.id),
    target.lookup,
    withOptions(context),
    target.config.labels,
  );

/** The config routes, the field routes and the workflow switch. */
export function configRoutes(state: MockState, route: AddRoute): void {
  route('POST', '/api/v2/f-sdk/config', 'bearer', (context) => {
    const body = requireObject(context);
    const slug = body['slug'];
    if (typeof slug !== 'string' || slug === '') throw badRequest('slug is required');
    const configId = body['config_id'];
    if (configId !== undefined && (typeof configId !== 'string' || configId === '')) {
      throw badRequest('config_id must be a non-empty string');
    }
    const app = appOr404(state, slug);
    const config = getOrCreateConfig(
      state,
      context.account,
      app,
      configId ?? context.account.id,
      body['labels'],
    );
    return json(200, renderConfig(config, configContext(state, app), withOptions(context)));
  });

  /**
   * Updates a config, merging per given field id: a field the body does not name keeps its stored value
   * (so does a workflow the body does not list). A value of the wrong structure answers 400 and nothing is
   * stored; a well-formed but invalid value comes back in `field_errors` while the others are stored.
   */
  route('PUT', '/api/v2/f-sdk/config', 'bearer', (context) => {
    const body = requireObject(context);
    const slug = body['slug'];
    if (typeof slug !== 'string' || slug === '') throw badRequest('slug is required');
    const app = appOr404(state, slug);
    const configId = body['config_id'];
    if (configId !== undefined && (typeof configId !== 'string' || configId === '')) {
      throw badRequest('config_id must be a non-empty string');
    }
    const fields = body['fields'];
    if (fields !== undefined && !isRecord(fields)) {
      throw badRequest('fields must be an object of { [fieldId]: value }');
    }
    const workflowInput = body['workflows'] ?? [];
    if (!Array.isArray(workflowInput)) throw badRequest('workflows must be an array');
    const contextValue = configContext(state, app);
    const updates = workflowInput.map((entry: unknown) => {
      if (!isRecord(entry) || typeof entry['id'] !== 'string') throw badRequest('each workflow needs an id');
      const workflow = contextValue.workflows.find((candidate) => candidate._id === entry['id']);
      if (workflow === undefined) throw badRequest(`Unknown workflow: ${entry['id']}`);
      if (entry['enabled'] !== undefined && typeof entry['enabled'] !== 'boolean') {
        throw badRequest('workflow enabled must be a boolean');
      }
      const workflowFields = entry['fields'] ?? {};
      if (!isRecord(workflowFields)) throw badRequest('workflow fields must be an object');
      return { workflow, enabled: entry['enabled'], fields: workflowFields };
    });
    const checkShapes = (template: readonly MockConfigField[], values: Record<string, unknown>) => {
      for (const [id, value] of Object.entries(values)) {
        const field = template.find((candidate) => candidate.id === id);
        const problem = field === undefined ? undefined : shapeProblem(field, value);
        if (problem !== undefined) throw badRequest(problem, 'INVALID_FIELD_VALUE');
      }
    };
    checkShapes(contextValue.template.fields, fields ?? {});
    for (const update of updates) checkShapes(update.workflow.fields ?? [], update.fields);

    const config = getOrCreateConfig(state, context.account, app, configId ?? context.account.id);
    const errors: FieldError[] = [];
    if (fields !== undefined) {
      const applied = applyFieldValues(contextValue.template.fields, fields, config.values, lookupIn(config));
      errors.push(...applied.errors);
      logWrite(state, context, {
        route: 'update-config',
        slug: app.slug,
        config_id: config.config_id,
        fields: applied.stored,
      });
    }
    for (const update of updates) {
      const wfState = workflowState(config, update.workflow);
      if (typeof update.enabled === 'boolean') wfState.enabled = update.enabled;
      const applied = applyFieldValues(
        update.workflow.fields ?? [],
        update.fields,
        wfState.values,
        lookupIn(config, wfState),
        update.workflow._id,
      );
      errors.push(...applied.errors);
      logWrite(state, context, {
        route: 'update-config',
        slug: app.slug,
        config_id: config.config_id,
        workflow_id: update.workflow._id,
        fields: applied.stored,
        ...(typeof update.enabled === 'boolean' && { enabled: update.enabled }),
      });
    }
    return json(200, renderConfig(config, contextValue, withOptions(context), errors));
  });

  const getConfig = (context: RequestContext): Response => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const config = existingConfig(
      context.account,
      app.slug,
      context.params['configId'] ?? context.account.id,
    );
    return json(200, renderConfig(config, configContext(state, app), withOptions(context)));
  };
  const deleteConfig = (context: RequestContext): Response => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const configId = context.params['configId'] ?? context.account.id;
    existingConfig(context.account, app.slug, configId);
    configsOf(context.account, app.slug).delete(configId);
    return json(200, { message: 'Config deleted successfully' });
  };
  route('GET', '/api/v2/f-sdk/slug/:slug/config', 'bearer', getConfig);
  route('GET', '/api/v2/f-sdk/slug/:slug/config/:configId', 'bearer', getConfig);
  route('DELETE', '/api/v2/f-sdk/slug/:slug/config', 'bearer', deleteConfig);
  route('DELETE', '/api/v2/f-sdk/slug/:slug/config/:configId', 'bearer', deleteConfig);

  route('GET', '/api/v2/public/slug/:slug/configs', 'bearer', (context) => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const ids = [...(context.account.configs.get(app.slug)?.keys() ?? [])];
    return json(
      200,
      ids.map((id) => ({ config_id: id })),
    );
  });

  route('POST', '/api/v2/public/config/field/:fieldId', 'bearer', (context) => {
    if (context.invalidJson) throw badRequest('Request body is not valid JSON');
    const app = schemaApp(state, context);
    const target = fieldTarget(state, context, app);
    return json(200, renderTarget(target, context));
  });

  route('PUT', '/api/v2/public/config/field/:fieldId', 'bearer', (context) => {
    const body = requireObject(context);
    if (!('value' in body)) throw badRequest('value is required');
    const app = schemaApp(state, context);
    const target = fieldTarget(state, context, app);
    const problem = shapeProblem(target.field, body['value']);
    if (problem !== undefined) throw badRequest(problem, 'INVALID_FIELD_VALUE');
    const check = validateConfigValue(
      target.field,
      body['value'],
      resolveOptions(target.field, target.lookup),
    );
    if (!check.ok) throw badRequest(check.message, 'INVALID_FIELD_VALUE');
    if (check.value === undefined) target.values.delete(target.field.id);
    else target.values.set(target.field.id, check.value);
    logWrite(state, context, {
      route: 'set-field',
      slug: app.slug,
      config_id: target.config.config_id,
      workflow_id: target.workflowId,
      fields: { [target.field.id]: check.value === undefined ? null : structuredClone(check.value) },
    });
    return json(200, renderTarget(target, context));
  });

  route('POST', '/api/v2/public/config/rule-engine/:fieldId', 'bearer', (context) => {
    const body = requireObject(context);
    const column = body['rule_column'];
    const lhs = isRecord(column) ? column['lhs'] : undefined;
    if (typeof lhs !== 'string' || lhs === '') throw badRequest('rule_column.lhs is required');
    const app = schemaApp(state, context);
    const target = fieldTarget(state, context, app);
    if (target.field.field_type !== 'rule_engine')
      throw badRequest(`${target.field.name} is not a rule-engine field`);
    const ruleColumn = target.field.ruleColumns?.find((candidate) => candidate.value === lhs);
    if (ruleColumn === undefined) throw badRequest(`Unknown rule column: ${lhs}`);
    const rhs: Record<string, unknown> = { name: 'value', type: ruleColumn.rhs.type };
    if (ruleColumn.rhs.options !== undefined) rhs['options'] = structuredClone(ruleColumn.rhs.options);
    return json(200, {
      rule_column: {
        rhs,
        operator: { name: 'operator', type: 'select', options: structuredClone(ruleColumn.operators) },
      },
    });
  });

  route('PATCH', '/api/v2/public/slug/:slug/config/:configId/workflows/:workflowId', 'bearer', (context) => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const body = requireObject(context);
    if (typeof body['enabled'] !== 'boolean') throw badRequest('enabled must be a boolean');
    const config = existingConfig(context.account, app.slug, context.params['configId'] ?? '');
    const contextValue = configContext(state, app);
    const workflow = contextValue.workflows.find(
      (candidate) => candidate._id === context.params['workflowId'],
    );
    if (workflow === undefined) throw notFound(`Workflow not found: ${context.params['workflowId'] ?? ''}`);
    workflowState(config, workflow).enabled = body['enabled'];
    logWrite(state, context, {
      route: 'toggle-workflow',
      slug: app.slug,
      config_id: config.config_id,
      workflow_id: workflow._id,
      fields: {},
      enabled: body['enabled'],
    });
    // As documented: each workflow's id and state, without names or fields.
    return json(200, {
      workflows: contextValue.workflows.map((candidate) => ({
        id: candidate._id,
        enabled: workflowState(config, candidate).enabled,
      })),
    });
  });
}
