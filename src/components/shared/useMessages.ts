import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { en, loadCatalog, shippedLocale } from '../../i18n/catalog.js';
import type { MessageKey, RefoldMessages } from '../../i18n/catalog.js';
import { formatMessage } from '../../i18n/format.js';
import type { MessageParams } from '../../i18n/format.js';
import type { RefoldLocale } from '../../i18n/types.js';
import { useRefoldContext } from '../../react/context.js';

/** The translator of the components: `t(key, params)` in the provider's locale, with its overrides. */
export interface Translator {
  /** The formatted message. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The provider's locale, for `Intl` formatting. */
  locale: string;
}

/** Catalogs loaded so far (shared by every provider on the page), and who waits for one. */
const loaded = new Map<RefoldLocale, RefoldMessages>([['en', en]]);
const loading = new Set<RefoldLocale>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The catalog of `locale` once loaded; starts loading it (in the browser) when it is not. */
function catalogOf(locale: RefoldLocale): RefoldMessages | undefined {
  const catalog = loaded.get(locale);
  if (catalog || loading.has(locale) || typeof window === 'undefined') return catalog;
  loading.add(locale);
  void loadCatalog(locale).then(
    (messages) => {
      loaded.set(locale, messages);
      for (const listener of [...listeners]) listener();
    },
    // A chunk that failed to load (offline): English stays, and the next render tries again.
    () => loading.delete(locale),
  );
  return undefined;
}

/**
 * Strings for a component, from `RefoldProvider`'s `locale` and `messages`: the overrides, then the locale's
 * catalog (loaded on first use), then English. @internal
 */
export function useMessages(component: string): Translator {
  const { messages, locale } = useRefoldContext(component);
  const language = shippedLocale(locale) ?? 'en';
  // A whole catalog given as `messages` needs nothing loaded.
  const complete = messages !== undefined && Object.keys(messages).length >= Object.keys(en).length;
  const getCatalog = useCallback(
    () => (complete ? loaded.get(language) : catalogOf(language)),
    [complete, language],
  );
  const catalog = useSyncExternalStore(subscribe, getCatalog, () => loaded.get(language));
  const strings = useMemo((): RefoldMessages => ({ ...en, ...catalog, ...messages }), [catalog, messages]);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => formatMessage(strings[key], locale, params),
    [strings, locale],
  );
  return { t, locale };
}
