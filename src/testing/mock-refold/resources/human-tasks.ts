/**
 * Human tasks: a form a workflow waits on, read and answered with **no credentials** (the id is the
 * secret). The answer `{ data }` is checked against the task's JSON Schema (required fields, types, enums,
 * read-only fields); a task answers once, and not after it expired.
 *
 * @module
 */
import { badRequest, isRecord, json, notFound } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import type { MockState } from '../state.js';
import { randomHex } from '../tokens.js';

/** A human task as the mock stores it (`HumanTaskPublic`). */
export interface MockHumanTask {
  /** Task id: the secret of its link. */
  _id: string;
  /** Title. */
  name: string;
  /** What is asked. */
  description?: string;
  /** JSON Schema of the answer. */
  form_structure: Record<string, unknown>;
  /** UI hints per field (`ui:widget`, `ui:order`, `ui:help`, `ui:readonly` …). */
  ui_structure?: Record<string, unknown>;
  /** Known values; after a submission, the answer merged in. */
  data: Record<string, unknown>;
  /** Group. */
  group?: string;
  /** Who was asked. */
  receiver_emails: string[];
  /** `WAITING`, `SUBMITTED` or `TIMEOUT`. */
  status: 'WAITING' | 'SUBMITTED' | 'TIMEOUT';
  /** Expiry (ISO 8601). */
  expire_in: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * What {@link MockRefold.createHumanTask} takes: any field of a task (`_id` for a fixed link, e.g. in a
 * story); the rest from {@link mockHumanTask}, with a random id.
 */
export type MockHumanTaskInput = Partial<Omit<MockHumanTask, 'createdAt' | 'updatedAt'>> & {
  /** Expires this many ms after creation (mock clock), unless `expire_in` is given. @default 86_400_000 */
  expiresInMs?: number;
};

/** The default task: approve a refund, with text, number, enum, boolean and read-only fields. */
export const mockHumanTask: Pick<
  MockHumanTask,
  'name' | 'description' | 'form_structure' | 'ui_structure' | 'data' | 'group' | 'receiver_emails'
> = {
  name: 'Approve refund',
  description: 'A refund above the automatic limit needs your approval.',
  group: 'Finance',
  receiver_emails: ['approver@example.com'],
  data: { order: 'SO-1042', amount: 249.5 },
  form_structure: {
    type: 'object',
    required: ['decision'],
    properties: {
      order: { type: 'string', title: 'Order', readOnly: true },
      amount: { type: 'number', title: 'Amount (EUR)', readOnly: true },
      decision: { type: 'string', title: 'Decision', enum: ['approve', 'reject'] },
      comment: { type: 'string', title: 'Comment', maxLength: 500 },
      notify: { type: 'boolean', title: 'Notify the customer', default: true },
    },
  },
  ui_structure: {
    'ui:order': ['order', 'amount', 'decision', 'comment', 'notify'],
    decision: { 'ui:widget': 'radio' },
    comment: { 'ui:widget': 'textarea', 'ui:help': 'Shown to the customer when rejected.' },
  },
};

/** A new task in the mock's state; answers its id. */
export function createHumanTask(state: MockState, input: MockHumanTaskInput = {}): string {
  const { expiresInMs = 86_400_000, ...fields } = input;
  const time = state.settings.now();
  const task: MockHumanTask = {
    ...structuredClone(mockHumanTask),
    status: 'WAITING',
    expire_in: new Date(time + expiresInMs).toISOString(),
    _id: `ht_${randomHex(24)}`,
    ...structuredClone(fields),
    createdAt: new Date(time).toISOString(),
    updatedAt: new Date(time).toISOString(),
  };
  state.humanTasks.set(task._id, task);
  return task._id;
}

/** The task, TIMEOUT once its expiry passed while it was waiting. */
export function currentTask(state: MockState, id: string | undefined): MockHumanTask | undefined {
  const task = id === undefined ? undefined : state.humanTasks.get(id);
  if (task?.status === 'WAITING' && state.settings.now() >= Date.parse(task.expire_in))
    task.status = 'TIMEOUT';
  return task;
}

/** What is wrong with an answer, checked against the task's schema; `undefined` when nothing. */
function answerProblem(task: MockHumanTask, data: Record<string, unknown>): string | undefined {
  const schema = task.form_structure;
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  for (const key of required) {
    const value = data[String(key)] ?? task.data[String(key)];
    if (value === undefined || value === null || value === '') return `${String(key)} is required`;
  }
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    if (!isRecord(property)) continue;
    if (property['readOnly'] === true && value !== task.data[key]) return `${key} is read-only`;
    const type = property['type'];
    const typeOk =
      type === undefined ||
      (type === 'integer'
        ? Number.isInteger(value)
        : type === 'array'
          ? Array.isArray(value)
          : typeof value === type);
    if (!typeOk) return `${key} must be of type ${String(type)}`;
    if (Array.isArray(property['enum']) && !property['enum'].includes(value)) {
      return `${key} must be one of ${property['enum'].map(String).join(', ')}`;
    }
  }
  return undefined;
}

/** The two task routes, with no credentials. */
export function humanTaskRoutes(state: MockState, route: AddRoute): void {
  const taskOr404 = (id: string | undefined): MockHumanTask => {
    const task = currentTask(state, id);
    if (task === undefined) throw notFound('Human task not found');
    return task;
  };

  route('GET', '/api/v2/public/human-tasks/:id', 'none', (context) =>
    json(200, structuredClone(taskOr404(context.params['id']))),
  );

  route('POST', '/api/v2/public/human-tasks/:id', 'none', (context) => {
    const task = taskOr404(context.params['id']);
    const body = requireObject(context);
    if (!isRecord(body['data'])) throw badRequest('data is required and must be an object');
    if (task.status === 'SUBMITTED') throw badRequest('This task was already submitted');
    if (task.status === 'TIMEOUT') throw badRequest('This task has expired');
    const problem = answerProblem(task, body['data']);
    if (problem !== undefined) throw badRequest(problem, 'VALIDATION_ERROR');
    task.data = { ...task.data, ...structuredClone(body['data']) };
    task.status = 'SUBMITTED';
    task.updatedAt = new Date(state.settings.now()).toISOString();
    return json(200, { message: 'Task submitted successfully', status: task.status });
  });
}
