import { forwardRef, useContext, useId, useRef, useState } from 'react';
import type { FormEvent, HTMLAttributes } from 'react';
import { RefoldApiError } from '../../core/errors.js';
import { formatDateTime } from '../../i18n/format.js';
import { RefoldContext } from '../../react/context.js';
import { RefoldProvider } from '../../react/RefoldProvider.js';
import { noSessionToken, useHumanTask, useSubmitHumanTask } from '../../react/useHumanTask.js';
import { ErrorState } from '../shared/ErrorState.js';
import { FieldLayout } from '../shared/FieldLayout.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';
import { editable, taskFields } from './schema.js';
import type { TaskField } from './schema.js';

interface HumanTaskFormOwnProps {
  /**
   * The task's id, from the link the person received. It is the task's only secret: no session token is
   * needed (mount under `<RefoldProvider fetchToken={noSessionToken}>` on a page without one), and the id is
   * never shown, logged, or put in a query key or event.
   */
  taskId: string;
  /** Called once the answer was accepted, with what was sent. */
  onSubmitted?: (data: Record<string, unknown>) => void;
  /**
   * Refold's origin, used only when no `RefoldProvider` is above (the form then brings its own, without a
   * session token). @defaultValue 'https://app.refold.ai'
   */
  baseUrl?: string;
  /** The language, used only when no `RefoldProvider` is above. @defaultValue 'en' */
  locale?: string;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link HumanTaskForm}: its own, plus any attribute of the root `<div>`. */
export type HumanTaskFormProps = WithRootProps<HumanTaskFormOwnProps, HTMLAttributes<HTMLDivElement>>;

type Values = Record<string, string | boolean>;

/** The answer to send, or the problems to show. */
function answerOf(fields: TaskField[], values: Values, t: Translator['t']) {
  const data: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    const value = values[field.key] ?? editable(field);
    if (typeof value === 'boolean') {
      data[field.key] = value;
      continue;
    }
    if (value.trim() === '') {
      if (field.required) problems[field.key] = t('humanTask.error.required');
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(value);
      if (!Number.isFinite(number)) problems[field.key] = t('humanTask.error.number');
      else if (field.kind === 'integer' && !Number.isInteger(number))
        problems[field.key] = t('humanTask.error.integer');
      else data[field.key] = number;
    } else if (field.kind === 'json') {
      try {
        data[field.key] = JSON.parse(value) as unknown;
      } catch {
        problems[field.key] = t('humanTask.error.json');
      }
    } else {
      // An option keeps its JSON type (a number stays a number).
      data[field.key] = field.options.find((option) => String(option) === value) ?? value;
    }
  }
  return { data, problems };
}

/**
 * A human task's form (an approval, a review, a missing value a workflow waits on), read and answered with no
 * session token. Renders the task's JSON Schema with its UI hints in the same field layout as `AuthForm` and
 * `ConfigForm`: text, long text, number, whole number, yes/no, choices (list or radio), read-only values,
 * and JSON for anything else. Submits once; says clearly when the task was answered already, expired, or
 * the link is not valid.
 *
 * `data-state`: `loading | open | submitting | submitted | answered | expired | not-found | error`. The `ref`
 * points at the root `<div>`.
 *
 * Under a `RefoldProvider` it uses the provider's client (no token is fetched for tasks); with none above, it
 * brings its own provider without a session token (`baseUrl`, `locale`).
 *
 * @example
 * // A page opened from the e-mail link, with no signed-in customer:
 * <HumanTaskForm taskId={new URLSearchParams(location.search).get('task') ?? ''} />
 */
export const HumanTaskForm = forwardRef<HTMLDivElement, HumanTaskFormProps>(function HumanTaskForm(
  { baseUrl, locale, ...props },
  ref,
) {
  const inProvider = useContext(RefoldContext) !== null;
  if (inProvider) return <TaskForm {...props} ref={ref} />;
  return (
    <RefoldProvider fetchToken={noSessionToken} baseUrl={baseUrl} locale={locale}>
      <TaskForm {...props} ref={ref} />
    </RefoldProvider>
  );
});

const TaskForm = forwardRef<HTMLDivElement, Omit<HumanTaskFormProps, 'baseUrl' | 'locale'>>(function TaskForm(
  { taskId, onSubmitted, className, ...rest },
  ref,
) {
  const { t, locale } = useMessages('HumanTaskForm');
  const id = useId();
  const query = useHumanTask(taskId);
  const submit = useSubmitHumanTask(taskId);
  const [values, setValues] = useState<Values>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  // One answer per task: a second click while the first is on its way sends nothing.
  const sending = useRef(false);
  // When the page opened: a task whose expiry passed by then is shown as expired, even if Refold still says WAITING.
  const [openedAt] = useState(() => Date.now());
  const task = query.data;
  const fields = task ? taskFields(task.form_structure, task.ui_structure, task.data) : [];
  const expired =
    task?.status === 'TIMEOUT' ||
    (task?.status === 'WAITING' && task.expire_in !== undefined && Date.parse(task.expire_in) <= openedAt);

  let state = 'loading';
  if (submit.isSuccess) state = 'submitted';
  else if (query.error instanceof RefoldApiError && query.error.status === 404) state = 'not-found';
  else if (query.isError) state = 'error';
  else if (task?.status === 'SUBMITTED') state = 'answered';
  else if (expired) state = 'expired';
  else if (task) state = submit.isPending ? 'submitting' : 'open';

  function send(event: FormEvent) {
    event.preventDefault();
    if (sending.current || state !== 'open') return;
    const answer = answerOf(fields, values, t);
    setProblems(answer.problems);
    if (Object.keys(answer.problems).length > 0) return;
    sending.current = true;
    submit.mutate(answer.data, {
      onSuccess: () => onSubmitted?.(answer.data),
      onSettled: () => {
        sending.current = false;
      },
    });
  }

  const notice: Record<string, string> = {
    submitted: t('humanTask.submitted'),
    answered: t('humanTask.answered'),
    expired: t('humanTask.expired'),
    'not-found': t('humanTask.notFound'),
  };

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-human-task', 'refold-root', className)}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('humanTask.loading')}
        </p>
      )}
      {state === 'error' && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="HumanTaskForm" />
      )}
      {task && state !== 'not-found' && (
        <div className="refold-human-task__header">
          <p className="refold-human-task__name">{task.name}</p>
          {task.description && <p className="refold-help">{task.description}</p>}
          {state === 'open' && task.expire_in && (
            <p className="refold-help">
              {t('humanTask.expires', { date: formatDateTime(task.expire_in, locale) })}
            </p>
          )}
        </div>
      )}
      <p className="refold-human-task__notice" role="status" data-notice={notice[state] ? state : undefined}>
        {notice[state] ?? ''}
      </p>
      {(state === 'open' || state === 'submitting') && (
        <form className="refold-human-task__form" noValidate aria-label={task?.name} onSubmit={send}>
          {fields.map((field) => (
            <TaskFieldInput
              key={field.key}
              id={`${id}-${field.key}`}
              field={field}
              value={values[field.key] ?? editable(field)}
              error={problems[field.key]}
              onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
            />
          ))}
          {submit.isError && <ErrorState error={submit.error} component="HumanTaskForm" />}
          <div className="refold-human-task__actions">
            <button type="submit" className="refold-button" aria-disabled={submit.isPending || undefined}>
              {submit.isPending && <span className="refold-spinner" aria-hidden="true" />}
              {submit.isPending ? t('humanTask.submitting') : t('humanTask.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
});

interface TaskFieldInputProps {
  id: string;
  field: TaskField;
  value: string | boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

/** One field of the task's form, in the shared field layout. */
function TaskFieldInput({ id, field, value, error, onChange }: TaskFieldInputProps) {
  const { t } = useMessages('HumanTaskForm');
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    className: 'refold-input',
    'aria-required': field.required || undefined,
    'aria-invalid': error ? true : undefined,
  };
  const group = field.kind === 'radio';
  return (
    <FieldLayout
      id={id}
      label={field.label}
      required={field.required && !field.readOnly}
      requiredText={t('humanTask.required')}
      type={field.kind}
      group={group}
      inline={field.kind === 'checkbox'}
      labelClassName="refold-human-task__choice"
      help={field.help}
      error={error}
      className="refold-human-task__field"
    >
      {(describedBy) => {
        if (field.kind === 'checkbox') {
          return (
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              disabled={field.readOnly}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.checked)}
            />
          );
        }
        if (field.kind === 'radio') {
          return (
            <div className="refold-human-task__choices">
              {field.options.map((option) => (
                <label key={String(option)} className="refold-human-task__choice">
                  <input
                    type="radio"
                    name={id}
                    value={String(option)}
                    checked={text === String(option)}
                    disabled={field.readOnly}
                    onChange={() => onChange(String(option))}
                  />
                  {String(option)}
                </label>
              ))}
            </div>
          );
        }
        if (field.kind === 'select') {
          return (
            <select
              {...common}
              disabled={field.readOnly}
              value={text}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.value)}
            >
              <option value="">{t('humanTask.choose')}</option>
              {field.options.map((option) => (
                <option key={String(option)} value={String(option)}>
                  {String(option)}
                </option>
              ))}
            </select>
          );
        }
        if (field.kind === 'textarea' || field.kind === 'json') {
          return (
            <textarea
              {...common}
              readOnly={field.readOnly}
              rows={field.kind === 'json' ? 6 : 4}
              value={text}
              placeholder={field.placeholder}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.value)}
            />
          );
        }
        const number = field.kind === 'number' || field.kind === 'integer';
        return (
          <input
            {...common}
            readOnly={field.readOnly}
            type={number ? 'number' : field.inputType}
            step={field.kind === 'integer' ? 1 : number ? 'any' : undefined}
            value={text}
            placeholder={field.placeholder}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </FieldLayout>
  );
}
