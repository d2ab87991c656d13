export { RunNowButton } from './RunNowButton.js';
export type { RunNowButtonProps } from './RunNowButton.js';
