/** Moved to src/plan/referral-plan.ts; kept for old imports. */
export * from '../plan/referral-plan.ts';
