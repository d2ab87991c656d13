import { forwardRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { McpServer } from '../../core/mcp-servers.js';
import { useMcpServers, useRemoveMcpServer } from '../../react/useMcpServers.js';
import { ErrorState } from '../shared/ErrorState.js';
import { Pager } from '../shared/Pager.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { McpServerEditor } from './McpServerEditor.js';

interface McpServerListOwnProps {
  /** Servers per page. @defaultValue 10 */
  pageSize?: number;
  /** Called after a server was created or saved. */
  onSaved?: (server: McpServer) => void;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link McpServerList}: its own, plus any attribute of the root `<div>`. */
export type McpServerListProps = WithRootProps<McpServerListOwnProps, HTMLAttributes<HTMLDivElement>>;

/**
 * The MCP servers, newest first and paged, each with Edit (an inline {@link McpServerEditor}) and Delete
 * (after an inline confirmation), and a New server form. Shows what Refold sends: its reference documents no
 * address for a server, so none is shown or made up.
 *
 * `data-state`: `loading | ready | empty | error`. The `ref` points at the root `<div>`.
 *
 * @example
 * <McpServerList />
 */
export const McpServerList = forwardRef<HTMLDivElement, McpServerListProps>(function McpServerList(
  { pageSize = 10, onSaved, className, ...rest },
  ref,
) {
  const { t } = useMessages('McpServerList');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new'>();
  const [confirming, setConfirming] = useState<string>();
  const query = useMcpServers({ page, limit: pageSize });
  const remove = useRemoveMcpServer();
  const [removed, setRemoved] = useState<string>();
  const data = query.data;
  const state = query.isError ? 'error' : !data ? 'loading' : data.docs.length === 0 ? 'empty' : 'ready';
  const saved = (server: McpServer) => {
    setEditing(undefined);
    onSaved?.(server);
  };

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-mcp-list', 'refold-root', className)}
      data-state={state}
      aria-busy={state === 'loading' || query.isPlaceholderData || undefined}
    >
      {query.isError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="McpServerList" />
      )}
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('mcpServers.loading')}
        </p>
      )}
      {state === 'empty' && <p className="refold-help">{t('mcpServers.empty')}</p>}
      {data && data.docs.length > 0 && (
        <ul className="refold-mcp-list__items" aria-label={t('mcpServers.label')}>
          {data.docs.map((server) => {
            const name = server.name || server._id;
            return (
              <li key={server._id} className="refold-mcp-list__item">
                <div className="refold-mcp-list__summary">
                  <span className="refold-mcp-list__name">{name}</span>
                  {server.environment && <span className="refold-badge">{server.environment}</span>}
                  {server.description && <span className="refold-help">{server.description}</span>}
                </div>
                <div className="refold-mcp-list__actions">
                  <button
                    type="button"
                    className="refold-button"
                    data-variant="secondary"
                    aria-expanded={editing === server._id}
                    onClick={() => setEditing(editing === server._id ? undefined : server._id)}
                  >
                    {t('mcpServers.edit', { name })}
                  </button>
                  <button
                    type="button"
                    className="refold-button"
                    data-variant="secondary"
                    aria-expanded={confirming === server._id}
                    onClick={() => {
                      remove.reset();
                      setConfirming(confirming === server._id ? undefined : server._id);
                    }}
                  >
                    {t('mcpServers.delete', { name })}
                  </button>
                </div>
                {confirming === server._id && (
                  <div
                    className="refold-mcp-list__confirm"
                    role="group"
                    aria-label={t('mcpServers.delete', { name })}
                  >
                    <p>{t('mcpServers.confirmDelete', { name })}</p>
                    {remove.isError && <ErrorState error={remove.error} component="McpServerList" />}
                    <button
                      type="button"
                      className="refold-button"
                      data-variant="danger"
                      aria-disabled={remove.isPending || undefined}
                      onClick={() =>
                        !remove.isPending &&
                        remove.mutate(server._id, {
                          onSuccess: () => {
                            setConfirming(undefined);
                            setRemoved(name);
                          },
                        })
                      }
                    >
                      {remove.isPending ? t('mcpServers.deleting') : t('mcpServers.confirm')}
                    </button>
                    <button
                      type="button"
                      className="refold-button"
                      data-variant="secondary"
                      onClick={() => setConfirming(undefined)}
                    >
                      {t('common.cancel')}
                    </button>
                  </div>
                )}
                {editing === server._id && (
                  <McpServerEditor
                    serverId={server._id}
                    onSaved={saved}
                    onCancel={() => setEditing(undefined)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && (
        <Pager
          page={data}
          onPage={setPage}
          label={t('mcpServers.pages')}
          className="refold-mcp-list__pager"
          component="McpServerList"
        />
      )}
      {data &&
        (editing === 'new' ? (
          <McpServerEditor onSaved={saved} onCancel={() => setEditing(undefined)} />
        ) : (
          <button type="button" className="refold-button" onClick={() => setEditing('new')}>
            {t('mcpServers.new')}
          </button>
        ))}
      <p className="refold-visually-hidden" role="status">
        {removed ? t('mcpServers.deleted', { name: removed }) : ''}
      </p>
    </div>
  );
});
