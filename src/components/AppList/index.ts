export { AppList } from './AppList.js';
export type { AppListProps } from './AppList.js';
