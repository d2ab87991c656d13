/**
 * Events: the trigger route records each event and starts a run of every workflow enabled in the app's
 * config; each run completes `RUN_MS` later on the mock clock.
 *
 * @module
 */
import { workflowState } from '../config.js';
import { badRequest, json } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import { appOr404, configContext } from '../state.js';
import type { MockState } from '../state.js';
import type { MockTriggeredEvent } from '../types.js';
import { startRun } from './run-controls.js';

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
      for (const workflow of configContext(state, app).workflows) {
        if (!workflowState(config, workflow).enabled) continue;
        startRun(state, context.account, { app, workflow, configId, event, input: { event } });
      }
    }
    return json(200, { message: 'Webhook Fired Success' });
  });
}
