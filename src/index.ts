/**
 * Entry point: defines `<referral-guide>` (and its presentational children). Safe to load twice:
 * every element is defined only if its tag is still free.
 */
// First, before Lit runs: Trusted Types and a second load of the script (src/startup-guard.ts).
import './startup-guard.ts';
export { ReferralGuide } from './referral-guide.ts';
export { ReferralQuestion } from './components/referral-question.ts';
// The acute warning, review, plan and note screens load on first use (src/screens.ts); their
// classes are exported as types, the elements define themselves when the chunk arrives.
export type { ReferralAcute } from './components/referral-acute.ts';
export type { ReferralReview } from './components/referral-review.ts';
export type { ReferralPlanElement } from './plan/referral-plan.ts';
export type { ReferralNote } from './plan/referral-note.ts';
export { ReferralLanguageSwitch } from './components/referral-language-switch.ts';
export * from './events/index.ts';
export { LANGS, type Lang } from './i18n/languages.ts';
