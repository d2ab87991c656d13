/**
 * Workflows: the org's workflows (paged, filtered by app, name and published state) and the workflows the
 * account's configs have switched on.
 *
 * @module
 */
import { workflowState } from '../config.js';
import { badRequest, iconUrl, json, paginate } from '../http.js';
import { positiveInt } from '../routing.js';
import type { AddRoute } from '../routing.js';
import { configContext, findApp } from '../state.js';
import type { MockState } from '../state.js';

/** The workflow list and the enabled workflows. */
export function workflowRoutes(state: MockState, route: AddRoute): void {
  route('GET', '/api/v2/public/workflow/enabled', 'bearer', (context) => {
    const out: Record<string, unknown>[] = [];
    for (const [slug, configs] of context.account.configs) {
      const app = findApp(state, slug);
      if (app === undefined) continue;
      const contextValue = configContext(state, app);
      for (const config of configs.values()) {
        for (const workflow of contextValue.workflows) {
          if (!workflowState(config, workflow).enabled) continue;
          out.push({
            id: workflow._id,
            name: workflow.name,
            description: workflow.description ?? '',
            icon: iconUrl(context.origin, app.icon, app.slug),
            createdAt: workflow.createdAt,
            updatedAt: workflow.updatedAt,
            config_id: config.config_id,
            application: {
              _id: app.app_id,
              name: app.name,
              slug: app.slug,
              icon: iconUrl(context.origin, app.icon, app.slug),
            },
          });
        }
      }
    }
    return json(200, out);
  });

  route('GET', '/api/v2/public/workflow', 'bearer', (context) => {
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10, 100);
    const slug = context.query.get('slug');
    const name = context.query.get('name')?.toLowerCase();
    const published = context.query.get('published');
    if (published !== null && published !== 'true' && published !== 'false') {
      throw badRequest('published must be true or false');
    }
    const list = state.workflows
      .filter((workflow) => (slug === null || slug === '' ? true : workflow.slug === slug))
      .filter((workflow) =>
        name === undefined || name === '' ? true : workflow.name.toLowerCase().includes(name),
      )
      .filter((workflow) => (published === null ? true : workflow.published === (published === 'true')))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((workflow) => {
        const out: Record<string, unknown> = {
          _id: workflow._id,
          name: workflow.name,
          published: workflow.published,
          createdAt: workflow.createdAt,
          updatedAt: workflow.updatedAt,
        };
        if (workflow.description !== undefined) out['description'] = workflow.description;
        if (workflow.slug !== undefined) out['slug'] = workflow.slug;
        return out;
      });
    return json(200, paginate(list, pageNumber, limit));
  });
}
