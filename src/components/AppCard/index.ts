export { AppCard } from './AppCard.js';
export type { AppCardProps } from './AppCard.js';
