/** Moved to src/plan/view.ts (the plan pipeline's home); kept for old imports. */
export * from './plan/view.ts';
