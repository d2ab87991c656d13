import { useCallback } from 'react';
import { formatMessage } from '../../i18n/format.js';
import type { MessageParams } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { useRefoldContext } from '../../react/context.js';

/** The translator of the components: `t(key, params)` in the provider's locale, with its overrides. */
export interface Translator {
  /** The formatted message. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The provider's locale, for `Intl` formatting. */
  locale: string;
}

/** Strings for a component, from `RefoldProvider`'s `locale` and `messages`. @internal */
export function useMessages(component: string): Translator {
  const { messages, locale } = useRefoldContext(component);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => formatMessage(messages[key], locale, params),
    [messages, locale],
  );
  return { t, locale };
}
