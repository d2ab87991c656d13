/**
 * Events: the trigger route records each event and starts a run of every workflow enabled in the app's
 * config; each run completes {@link EVENT_RUN_MS} later on the mock clock.
 *
 * @module
 */
import { workflowState } from '../config.js';
import { MOCK_ORG_ID } from '../fixtures.js';
import { badRequest, json } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import { appOr404, configContext } from '../state.js';
import type { MockState } from '../state.js';
import { randomHex } from '../tokens.js';
import type { MockTriggeredEvent } from '../types.js';
import { executionsOf } from './executions.js';

/** How long a run started by an event takes (mock clock). */
const EVENT_RUN_MS = 3_000;

/** The event trigger. */
export function eventRoutes(state: MockState, route: AddRoute): void {
  route('POST', '/api/v2/public/event/trigger', 'bearer', (context) => {
    const body = requireObject(context);
    const event = typeof body['event'] === 'string' && body['event'] !== '' ? body['event'] : body['trigger'];
    if (typeof event !== 'string' || event === '') throw badRequest('event is required');
    const slug = context.headers['slug'];
    const app = slug === undefined || slug === '' ? undefined : appOr404(state, slug);
    const configId = context.headers['config_id'] ?? context.account.id;
    const time = state.settings.now();
    const received: MockTriggeredEvent = {
      event,
      payload: structuredClone(body['payload']),
      config_id: configId,
      at: time,
    };
    if (app !== undefined) received.slug = app.slug;
    context.account.events.push(received);
    // Start a run of every enabled workflow of the app's config; each completes a few seconds later.
    const config = app === undefined ? undefined : context.account.configs.get(app.slug)?.get(configId);
    if (app !== undefined && config !== undefined) {
      const records = executionsOf(state, context.account);
      for (const workflow of configContext(state, app).workflows) {
        if (!workflowState(config, workflow).enabled) continue;
        const id = `67c3${randomHex(20)}`;
        records.unshift({
          slug: app.slug,
          completesAt: time + EVENT_RUN_MS,
          doc: {
            _id: id,
            name: workflow.name,
            status: 'RUNNING',
            associated_application: {
              _id: app.app_id,
              name: app.name,
              icon: app.icon ?? `/mock-assets/icons/${app.slug}.svg`,
            },
            associated_workflow: { _id: workflow._id, name: workflow.name },
            environment: 'test',
            config_id: configId,
            linked_account_id: context.account.id,
            org_id: MOCK_ORG_ID,
            createdAt: new Date(time).toISOString(),
            updatedAt: new Date(time).toISOString(),
            completion_percentage: 0,
            trigger_application_event: event,
            nodes: [
              {
                node_id: `${id.slice(-6)}-n1`,
                node_name: 'Trigger',
                node_type: 'trigger',
                node_status: 'Waiting',
                attempts_made: 1,
                maximum_attempts: 3,
                input_data: { event },
                latest_output: null,
              },
            ],
          },
        });
      }
    }
    return json(200, { message: 'Webhook Fired Success' });
  });
}
