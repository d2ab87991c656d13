import { forwardRef, useId, useState } from 'react';
import type { FormEvent, HTMLAttributes } from 'react';
import type { McpServer, McpServerUpdateInput } from '../../core/mcp-servers.js';
import { useCreateMcpServer, useMcpServer, useUpdateMcpServer } from '../../react/useMcpServers.js';
import { ErrorState } from '../shared/ErrorState.js';
import { FieldLayout } from '../shared/FieldLayout.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';

interface McpServerEditorOwnProps {
  /** The server to edit; left out: a new server (name and description, both required by Refold). */
  serverId?: string;
  /** Called with the server Refold answered after a save. */
  onSaved?: (server: McpServer) => void;
  /** Shows a Cancel button calling this. */
  onCancel?: () => void;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link McpServerEditor}: its own, plus any attribute of the root `<div>`. */
export type McpServerEditorProps = WithRootProps<McpServerEditorOwnProps, HTMLAttributes<HTMLDivElement>>;

type Draft = {
  name: string;
  description: string;
  agent_name: string;
  base_prompt: string;
  safe_mode: boolean;
};

function draftOf(server: McpServer | undefined): Draft {
  return {
    name: server?.name ?? '',
    description: server?.description ?? '',
    agent_name: server?.agent_name ?? '',
    base_prompt: server?.base_prompt ?? '',
    safe_mode: server?.safe_mode ?? true,
  };
}

/**
 * Creates an MCP server (name, description) or edits one (also agent name, instructions, safe mode). An edit
 * sends only the fields the user changed; every other field of the record stays as Refold keeps it.
 *
 * `data-state`: `loading | editing | saving | saved | error`. The `ref` points at the root `<div>`.
 */
export const McpServerEditor = forwardRef<HTMLDivElement, McpServerEditorProps>(function McpServerEditor(
  { serverId, onSaved, onCancel, className, ...rest },
  ref,
) {
  const { t } = useMessages('McpServerEditor');
  const id = useId();
  const existing = useMcpServer(serverId ?? '', { enabled: serverId !== undefined });
  const create = useCreateMcpServer();
  const update = useUpdateMcpServer();
  const [edits, setEdits] = useState<Partial<Draft>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const base = draftOf(existing.data);
  const draft = { ...base, ...edits };
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const loading = serverId !== undefined && !existing.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const empty = new Set((['name', 'description'] as const).filter((key) => draft[key].trim() === ''));
    setMissing(empty);
    if (empty.size > 0) return;
    const done = (server: McpServer) => {
      setEdits({});
      onSaved?.(server);
    };
    if (serverId === undefined) {
      create.mutate({ name: draft.name, description: draft.description }, { onSuccess: done });
      return;
    }
    const fields: McpServerUpdateInput = {};
    for (const key of Object.keys(edits) as (keyof Draft)[]) {
      if (draft[key] !== base[key]) Object.assign(fields, { [key]: draft[key] });
    }
    if (Object.keys(fields).length === 0) return;
    update.mutate({ id: serverId, fields }, { onSuccess: done });
  }

  const state = existing.isError
    ? 'error'
    : loading
      ? 'loading'
      : saving
        ? 'saving'
        : create.isSuccess || update.isSuccess
          ? 'saved'
          : 'editing';
  const text = (key: 'name' | 'description' | 'agent_name', label: string, required: boolean) => (
    <FieldLayout
      id={`${id}-${key}`}
      label={label}
      required={required}
      requiredText={t('mcpServers.required')}
      type="text"
      error={missing.has(key) ? t('mcpServers.error.required') : undefined}
    >
      {(describedBy) => (
        <input
          id={`${id}-${key}`}
          className="refold-input"
          value={draft[key]}
          aria-required={required || undefined}
          aria-invalid={missing.has(key) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setEdits((current) => ({ ...current, [key]: e.target.value }))}
        />
      )}
    </FieldLayout>
  );

  return (
    <div {...rest} ref={ref} className={cx('refold-mcp-editor', 'refold-root', className)} data-state={state}>
      {existing.isError && (
        <ErrorState
          error={existing.error}
          onRetry={() => void existing.refetch()}
          component="McpServerEditor"
        />
      )}
      {loading && !existing.isError && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('common.loading')}
        </p>
      )}
      {!loading && (
        <form
          className="refold-mcp-editor__form"
          noValidate
          aria-label={
            serverId === undefined ? t('mcpServers.new') : t('mcpServers.edit', { name: base.name })
          }
          onSubmit={submit}
        >
          {text('name', t('mcpServers.name'), true)}
          {text('description', t('mcpServers.description'), true)}
          {serverId !== undefined && (
            <>
              {text('agent_name', t('mcpServers.agentName'), false)}
              <FieldLayout
                id={`${id}-prompt`}
                label={t('mcpServers.basePrompt')}
                requiredText={t('mcpServers.required')}
                type="textarea"
              >
                {(describedBy) => (
                  <textarea
                    id={`${id}-prompt`}
                    className="refold-input"
                    rows={4}
                    value={draft.base_prompt}
                    aria-describedby={describedBy}
                    onChange={(e) => setEdits((current) => ({ ...current, base_prompt: e.target.value }))}
                  />
                )}
              </FieldLayout>
              <FieldLayout
                id={`${id}-safe`}
                label={t('mcpServers.safeMode')}
                requiredText={t('mcpServers.required')}
                type="checkbox"
                inline
                labelClassName="refold-mcp-editor__check"
              >
                {(describedBy) => (
                  <input
                    id={`${id}-safe`}
                    type="checkbox"
                    checked={draft.safe_mode}
                    aria-describedby={describedBy}
                    onChange={(e) => setEdits((current) => ({ ...current, safe_mode: e.target.checked }))}
                  />
                )}
              </FieldLayout>
            </>
          )}
          {error && <ErrorState error={error} component="McpServerEditor" />}
          <div className="refold-mcp-editor__actions">
            <button type="submit" className="refold-button" aria-disabled={saving || undefined}>
              {saving && <span className="refold-spinner" aria-hidden="true" />}
              {saving
                ? t('mcpServers.saving')
                : serverId === undefined
                  ? t('mcpServers.create')
                  : t('common.save')}
            </button>
            {onCancel && (
              <button type="button" className="refold-button" data-variant="secondary" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
            <p role="status" className="refold-help">
              {state === 'saved' ? t('mcpServers.saved') : ''}
            </p>
          </div>
        </form>
      )}
    </div>
  );
});
