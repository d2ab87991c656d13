import { useState } from 'react';
import { useRefold } from '../../react/useRefold.js';
import { cx } from './cx.js';
import { initials, safeImageUrl } from './safe-url.js';

/** Props of {@link AppIcon}. */
export interface AppIconProps {
  /** App name: the initials fallback and the accessible name. */
  name: string;
  /** Icon URL from the server (checked against the allow-list). */
  src?: string | undefined;
  /** Purely decorative (the name is shown next to it): hidden from assistive technology. @default true */
  decorative?: boolean;
  /** Extra class. */
  className?: string;
  /** Accessible name when not decorative. */
  label?: string;
}

/**
 * An app's icon, or its initials when the URL is missing, not allowed, or fails to load.
 * @internal
 */
export function AppIcon({ name, src, decorative = true, className, label }: AppIconProps) {
  const { baseUrl } = useRefold();
  const safe = safeImageUrl(src, baseUrl);
  const [failed, setFailed] = useState<string | undefined>();
  if (safe && failed !== safe) {
    return (
      <img
        className={cx('refold-icon', className)}
        src={safe}
        alt={decorative ? '' : (label ?? name)}
        width={32}
        height={32}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailed(safe)}
      />
    );
  }
  return (
    <span
      className={cx('refold-icon', className)}
      data-fallback=""
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label ?? name })}
    >
      {initials(name)}
    </span>
  );
}
