/**
 * Entry point: defines `<referral-guide>` (and its presentational children). Safe to load twice:
 * every element is defined only if its tag is still free.
 */
export { ReferralGuide } from './referral-guide.ts';
export { ReferralQuestion } from './components/referral-question.ts';
export { ReferralAcute } from './components/referral-acute.ts';
export { ReferralReview } from './components/referral-review.ts';
export { ReferralPlanElement } from './components/referral-plan.ts';
export { ReferralNote } from './components/referral-note.ts';
export { ReferralLanguageSwitch } from './components/referral-language-switch.ts';
export * from './events/index.ts';
export { LANGS, type Lang } from './i18n/languages.ts';
