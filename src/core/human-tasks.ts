/**
 * Human tasks (`client.humanTasks`): a form a workflow waits on, read and answered **without credentials**
 * (`security: []` in the reference). No session token is fetched and no `Authorization` header goes out.
 * The task id is its own secret (it arrives in an e-mail link; the reference has no route that lists
 * tasks): it is never put in an error message or an event (a server message that quotes it is blanked).
 *
 * @module
 */
import { objectArg, textArg } from './args.js';
import type { RequestOptions } from './client.js';
import { RefoldTokenError } from './errors.js';
import type { FetchToken } from './token.js';
import type { Send } from './resource.js';
import { checker, id, isDict, listOf, merge, obj, reader, refuseReportedFailure, str } from './validate.js';
import type { Check, Checker } from './validate.js';

/** Status of a human task: open, answered, expired, or a newer value (kept raw, treated as open). */
export type HumanTaskStatus = 'WAITING' | 'SUBMITTED' | 'TIMEOUT' | (string & {});

/** A human task (`HumanTaskPublic`), kept as sent. */
export interface HumanTask {
  /** The task id, when Refold sends it (the caller's secret: never show or log it). */
  _id?: string;
  /** Title. */
  name: string;
  /** What is asked. */
  description?: string;
  /** JSON Schema of the answer (an object schema). */
  form_structure: Record<string, unknown>;
  /** Hints per field (`ui:widget`, `ui:order`, `ui:help`, `ui:readonly` …), kept as sent. */
  ui_structure?: Record<string, unknown>;
  /** Values known already (read-only fields show them; editable ones start from them). */
  data?: Record<string, unknown>;
  /** `WAITING` (open), `SUBMITTED` (answered) or `TIMEOUT` (expired). Empty when Refold sends none. */
  status: HumanTaskStatus;
  /** When the task expires (ISO 8601). */
  expire_in?: string;
  /** Group name. */
  group?: string;
  /** Who was asked. */
  receiver_emails?: string[];
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/** Human tasks, sent without credentials (see the module comment). */
export interface HumanTaskMethods {
  /** The task with its form. An unknown id is a `RefoldApiError` 404. */
  get(id: string, options?: RequestOptions): Promise<HumanTask>;
  /**
   * Submits the answer `{ data }`, once. Refold answers 400 when the task was answered already, expired,
   * or misses a required field (a `RefoldApiError`).
   */
  submit(
    id: string,
    data: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>>;
}

const dict: Check<Record<string, unknown>> = (value, path) => ({ ...obj(value, path) });

/** Checks a human task: it needs its form (`form_structure`, an object). */
export const humanTask: Checker<HumanTask> = checker((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<HumanTask>(o, {
    _id: read('_id', id),
    name: read('name', str) ?? '',
    description: read('description', str),
    form_structure: dict(o.form_structure, `${path}.form_structure`, warn),
    ui_structure: read('ui_structure', dict),
    data: read('data', dict),
    status: read('status', str) ?? '',
    expire_in: read('expire_in', str),
    group: read('group', str),
    receiver_emails: read('receiver_emails', listOf(str)),
  });
});

/** Checks the answer of a submission: any object (or nothing), unless it reports an `error`. */
export const submitted: Checker<Record<string, unknown>> = checker((value, path) => {
  const o = isDict(value) ? value : {};
  refuseReportedFailure(o, path);
  return { ...o };
});

/**
 * A `fetchToken` for a page that only answers human tasks (an e-mail link opened by someone with no session):
 * the task routes never ask for a token, and any other call fails with a `RefoldTokenError` that says why.
 *
 * @example
 * <RefoldProvider fetchToken={noSessionToken}>
 *   <HumanTaskForm taskId={taskIdFromTheLink} />
 * </RefoldProvider>
 */
export const noSessionToken: FetchToken = () => {
  throw new RefoldTokenError(
    'This page has no session token: only human tasks can be read and answered here. Give RefoldProvider a fetchToken that asks your backend for one to use other routes.',
  );
};

/** The human-task methods of the client. @internal */
export function humanTaskMethods(go: Send): HumanTaskMethods {
  return {
    get: (taskId, opts) => {
      const task = textArg('humanTasks.get', 'id', taskId);
      return go('getHumanTask', { id: task }, humanTask, opts, { anonymous: true, secrets: [task] });
    },
    submit: (taskId, data, opts) => {
      const where = 'humanTasks.submit';
      const task = textArg(where, 'id', taskId);
      const answer = objectArg(where, 'data', data, 'an object of the form’s values') ?? {};
      return go('submitHumanTask', { id: task }, submitted, opts, {
        body: { data: answer },
        anonymous: true,
        secrets: [task],
      });
    },
  };
}
