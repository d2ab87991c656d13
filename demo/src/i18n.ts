/**
 * The demo's own strings (the library's come from its `locale` prop). Five locales, like the library.
 */
import { createContext, useContext } from 'react';

export type Locale = 'en' | 'es' | 'fr' | 'de' | 'ja';

export const LOCALES: readonly { value: Locale; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'fr', label: 'Français' },
  { value: 'de', label: 'Deutsch' },
  { value: 'ja', label: '日本語' },
];

const en = {
  skip: 'Skip to content',
  demo: 'Demo',
  customer: 'Customer',
  switching: 'Switching customer…',
  darkMode: 'Dark mode',
  language: 'Language',
  settings: 'Settings',
  navIntegrations: 'Integrations',
  navRuns: 'Run history',
  navMarketplace: 'Marketplace',
  navMarketplaceNote: 'headless',
  loading: 'Loading…',
  loadFailed: 'The Acme server did not answer. Is `npm start` still running?',
  tokenFailed: 'The Acme server could not get a Refold session: {message}',
  integrationsLead: 'Connect the tools {customer} already uses. Data flows as soon as an app is connected.',
  connectedCount: '{connected} of {total} apps connected',
  catalog: 'App catalog',
  pickApp: 'Pick an app to connect it, change its settings and follow its runs.',
  allApps: 'All apps',
  settingsTitle: 'Settings',
  runsTitle: 'Recent runs',
  connectFirst: 'Connect {app} to change its settings and see its runs.',
  runsLead: 'Every workflow run for {customer}, newest first.',
  marketplaceLead:
    'The same catalog built only from the hooks (useApplications, useConnect, useDisconnect) with Acme’s own components.',
  search: 'Search the marketplace',
  categories: 'Categories',
  allCategories: 'All',
  connect: 'Connect',
  connectApp: 'Connect {app}',
  connecting: 'Connecting…',
  disconnect: 'Disconnect',
  disconnectApp: 'Disconnect {app}',
  manageAccounts: 'Manage accounts',
  manageAccountsOf: 'Manage {app} accounts',
  connected: 'Connected',
  notConnected: 'Not connected',
  saveConnect: 'Save and connect',
  cancel: 'Cancel',
  required: 'required',
  fieldRequired: 'Fill in this field.',
  fieldInvalid: 'Check this value.',
  noMatch: 'No app matches “{query}”.',
  securityTitle: 'Your keys stay on Acme’s server',
  securityBody:
    'Acme’s backend holds the Refold API key and mints a short-lived session token for the signed-in customer. This page only ever holds that token, in memory.',
  modeMock: 'Embedded mock Refold',
  modeRefold: 'Live Refold',
};

type Strings = typeof en;

const es: Strings = {
  skip: 'Saltar al contenido',
  demo: 'Demo',
  customer: 'Cliente',
  switching: 'Cambiando de cliente…',
  darkMode: 'Modo oscuro',
  language: 'Idioma',
  settings: 'Configuración',
  navIntegrations: 'Integraciones',
  navRuns: 'Historial de ejecuciones',
  navMarketplace: 'Mercado',
  navMarketplaceNote: 'headless',
  loading: 'Cargando…',
  loadFailed: 'El servidor de Acme no responde. ¿Sigue en marcha `npm start`?',
  tokenFailed: 'El servidor de Acme no pudo obtener una sesión de Refold: {message}',
  integrationsLead:
    'Conecta las herramientas que ya usa {customer}. Los datos fluyen en cuanto una aplicación está conectada.',
  connectedCount: '{connected} de {total} aplicaciones conectadas',
  catalog: 'Catálogo de aplicaciones',
  pickApp: 'Elige una aplicación para conectarla, ajustar su configuración y seguir sus ejecuciones.',
  allApps: 'Todas las aplicaciones',
  settingsTitle: 'Configuración',
  runsTitle: 'Ejecuciones recientes',
  connectFirst: 'Conecta {app} para cambiar su configuración y ver sus ejecuciones.',
  runsLead: 'Todas las ejecuciones de flujos de {customer}, de la más reciente a la más antigua.',
  marketplaceLead:
    'El mismo catálogo, construido solo con los hooks (useApplications, useConnect, useDisconnect) y los componentes propios de Acme.',
  search: 'Buscar en el mercado',
  categories: 'Categorías',
  allCategories: 'Todas',
  connect: 'Conectar',
  connectApp: 'Conectar {app}',
  connecting: 'Conectando…',
  disconnect: 'Desconectar',
  disconnectApp: 'Desconectar {app}',
  manageAccounts: 'Gestionar cuentas',
  manageAccountsOf: 'Gestionar cuentas de {app}',
  connected: 'Conectada',
  notConnected: 'No conectada',
  saveConnect: 'Guardar y conectar',
  cancel: 'Cancelar',
  required: 'obligatorio',
  fieldRequired: 'Rellena este campo.',
  fieldInvalid: 'Revisa este valor.',
  noMatch: 'Ninguna aplicación coincide con «{query}».',
  securityTitle: 'Tus claves se quedan en el servidor de Acme',
  securityBody:
    'El backend de Acme guarda la clave de API de Refold y emite un token de sesión de corta duración para el cliente que ha iniciado sesión. Esta página solo tiene ese token, en memoria.',
  modeMock: 'Refold simulado integrado',
  modeRefold: 'Refold real',
};

const fr: Strings = {
  skip: 'Aller au contenu',
  demo: 'Démo',
  customer: 'Client',
  switching: 'Changement de client…',
  darkMode: 'Mode sombre',
  language: 'Langue',
  settings: 'Paramètres',
  navIntegrations: 'Intégrations',
  navRuns: 'Historique des exécutions',
  navMarketplace: 'Marketplace',
  navMarketplaceNote: 'headless',
  loading: 'Chargement…',
  loadFailed: 'Le serveur d’Acme ne répond pas. `npm start` tourne-t-il toujours ?',
  tokenFailed: 'Le serveur d’Acme n’a pas pu obtenir de session Refold : {message}',
  integrationsLead:
    'Connectez les outils que {customer} utilise déjà. Les données circulent dès qu’une application est connectée.',
  connectedCount: '{connected} applications connectées sur {total}',
  catalog: 'Catalogue d’applications',
  pickApp: 'Choisissez une application pour la connecter, la paramétrer et suivre ses exécutions.',
  allApps: 'Toutes les applications',
  settingsTitle: 'Paramètres',
  runsTitle: 'Exécutions récentes',
  connectFirst: 'Connectez {app} pour modifier ses paramètres et voir ses exécutions.',
  runsLead: 'Toutes les exécutions de workflows de {customer}, les plus récentes d’abord.',
  marketplaceLead:
    'Le même catalogue, construit uniquement avec les hooks (useApplications, useConnect, useDisconnect) et les composants d’Acme.',
  search: 'Rechercher dans la marketplace',
  categories: 'Catégories',
  allCategories: 'Toutes',
  connect: 'Connecter',
  connectApp: 'Connecter {app}',
  connecting: 'Connexion…',
  disconnect: 'Déconnecter',
  disconnectApp: 'Déconnecter {app}',
  manageAccounts: 'Gérer les comptes',
  manageAccountsOf: 'Gérer les comptes {app}',
  connected: 'Connectée',
  notConnected: 'Non connectée',
  saveConnect: 'Enregistrer et connecter',
  cancel: 'Annuler',
  required: 'obligatoire',
  fieldRequired: 'Remplissez ce champ.',
  fieldInvalid: 'Vérifiez cette valeur.',
  noMatch: 'Aucune application ne correspond à « {query} ».',
  securityTitle: 'Vos clés restent sur le serveur d’Acme',
  securityBody:
    'Le backend d’Acme garde la clé d’API Refold et crée un jeton de session de courte durée pour le client connecté. Cette page ne détient que ce jeton, en mémoire.',
  modeMock: 'Refold simulé intégré',
  modeRefold: 'Refold réel',
};

const de: Strings = {
  skip: 'Zum Inhalt springen',
  demo: 'Demo',
  customer: 'Kunde',
  switching: 'Kunde wird gewechselt…',
  darkMode: 'Dunkelmodus',
  language: 'Sprache',
  settings: 'Einstellungen',
  navIntegrations: 'Integrationen',
  navRuns: 'Ausführungsverlauf',
  navMarketplace: 'Marktplatz',
  navMarketplaceNote: 'headless',
  loading: 'Wird geladen…',
  loadFailed: 'Der Acme-Server antwortet nicht. Läuft `npm start` noch?',
  tokenFailed: 'Der Acme-Server konnte keine Refold-Sitzung erhalten: {message}',
  integrationsLead:
    'Verbinde die Tools, die {customer} schon nutzt. Sobald eine App verbunden ist, fließen die Daten.',
  connectedCount: '{connected} von {total} Apps verbunden',
  catalog: 'App-Katalog',
  pickApp: 'Wähle eine App, um sie zu verbinden, einzustellen und ihre Ausführungen zu verfolgen.',
  allApps: 'Alle Apps',
  settingsTitle: 'Einstellungen',
  runsTitle: 'Letzte Ausführungen',
  connectFirst: 'Verbinde {app}, um die Einstellungen zu ändern und die Ausführungen zu sehen.',
  runsLead: 'Alle Workflow-Ausführungen von {customer}, die neuesten zuerst.',
  marketplaceLead:
    'Derselbe Katalog, nur aus den Hooks (useApplications, useConnect, useDisconnect) und Acmes eigenen Komponenten gebaut.',
  search: 'Marktplatz durchsuchen',
  categories: 'Kategorien',
  allCategories: 'Alle',
  connect: 'Verbinden',
  connectApp: '{app} verbinden',
  connecting: 'Wird verbunden…',
  disconnect: 'Trennen',
  disconnectApp: '{app} trennen',
  manageAccounts: 'Konten verwalten',
  manageAccountsOf: '{app}-Konten verwalten',
  connected: 'Verbunden',
  notConnected: 'Nicht verbunden',
  saveConnect: 'Speichern und verbinden',
  cancel: 'Abbrechen',
  required: 'Pflichtfeld',
  fieldRequired: 'Fülle dieses Feld aus.',
  fieldInvalid: 'Prüfe diesen Wert.',
  noMatch: 'Keine App passt zu „{query}“.',
  securityTitle: 'Deine Schlüssel bleiben auf dem Acme-Server',
  securityBody:
    'Das Acme-Backend verwahrt den Refold-API-Schlüssel und erstellt für den angemeldeten Kunden ein kurzlebiges Sitzungstoken. Diese Seite hält nur dieses Token, im Arbeitsspeicher.',
  modeMock: 'Eingebettetes Refold-Mock',
  modeRefold: 'Echtes Refold',
};

const ja: Strings = {
  skip: 'コンテンツへ移動',
  demo: 'デモ',
  customer: '顧客',
  switching: '顧客を切り替えています…',
  darkMode: 'ダークモード',
  language: '言語',
  settings: '設定',
  navIntegrations: '連携',
  navRuns: '実行履歴',
  navMarketplace: 'マーケットプレイス',
  navMarketplaceNote: 'ヘッドレス',
  loading: '読み込み中…',
  loadFailed: 'Acme サーバーが応答しません。`npm start` は実行中ですか？',
  tokenFailed: 'Acme サーバーが Refold のセッションを取得できませんでした: {message}',
  integrationsLead: '{customer} がすでに使っているツールを接続します。接続するとすぐにデータが流れます。',
  connectedCount: '{total} 件中 {connected} 件のアプリが接続済み',
  catalog: 'アプリカタログ',
  pickApp: 'アプリを選ぶと、接続・設定・実行状況の確認ができます。',
  allApps: 'すべてのアプリ',
  settingsTitle: '設定',
  runsTitle: '最近の実行',
  connectFirst: '{app} を接続すると、設定の変更と実行の確認ができます。',
  runsLead: '{customer} のすべてのワークフロー実行（新しい順）。',
  marketplaceLead:
    '同じカタログを、フック（useApplications、useConnect、useDisconnect）と Acme 独自のコンポーネントだけで構築しています。',
  search: 'マーケットプレイスを検索',
  categories: 'カテゴリ',
  allCategories: 'すべて',
  connect: '接続',
  connectApp: '{app} を接続',
  connecting: '接続中…',
  disconnect: '接続解除',
  disconnectApp: '{app} の接続を解除',
  manageAccounts: 'アカウントを管理',
  manageAccountsOf: '{app} のアカウントを管理',
  connected: '接続済み',
  notConnected: '未接続',
  saveConnect: '保存して接続',
  cancel: 'キャンセル',
  required: '必須',
  fieldRequired: 'この項目を入力してください。',
  fieldInvalid: 'この値を確認してください。',
  noMatch: '「{query}」に一致するアプリはありません。',
  securityTitle: 'キーは Acme のサーバーから出ません',
  securityBody:
    'Acme のバックエンドが Refold の API キーを保持し、サインイン中の顧客向けに短期間有効なセッショントークンを発行します。このページが持つのはそのトークンだけで、メモリ内にのみ保持されます。',
  modeMock: '組み込みのモック Refold',
  modeRefold: '本番の Refold',
};

const STRINGS: Readonly<Record<Locale, Strings>> = { en, es, fr, de, ja };

type StringKey = keyof Strings;

/** A translator for `locale`: `t('connectApp', { app: 'Slack' })`. */
export function translator(locale: Locale) {
  const table = STRINGS[locale];
  return (key: StringKey, values: Record<string, string | number> = {}): string =>
    table[key].replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

type Translate = ReturnType<typeof translator>;

export const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: 'en',
  t: translator('en'),
});

/** The demo's locale and translator. */
export function useI18n() {
  return useContext(I18nContext);
}

/** True for one of the demo's locales. */
export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale.value === value);
}
