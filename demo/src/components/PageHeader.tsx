import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useFocusAfterNavigation } from '../router.js';

/** A page's title (also the document's), its lead paragraph and its actions. */
export function PageHeader({ title, lead, actions }: { title: string; lead: string; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Acme CRM`;
  }, [title]);
  useFocusAfterNavigation(heading, title);
  return (
    <div className="acme-page-header">
      <div className="acme-page-header__text">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="acme-lead">{lead}</p>
      </div>
      {actions && <div className="acme-page-header__actions">{actions}</div>}
    </div>
  );
}
