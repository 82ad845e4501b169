/** Moved to src/plan/clipboard.ts; kept for old imports. */
export { copyText } from './plan/clipboard.ts';
