/**
 * The screens the first question does not need (acute warning, review, plan, printed note),
 * loaded by `<referral-guide>` on first use or when the browser is idle after its first render:
 * a same-origin chunk of the ES build (the IIFE inlines it).
 *
 * It also carries the plan schema (zod), which the review screen's Confirm needs, the plan view
 * and the clipboard (the plan screen and summaryText()), and (in the
 * ES build) the Danish rules texts of the plan (src/i18n/plan-texts.ts).
 *
 * The elements upgrade as this module defines them, and their first update runs in a later
 * microtask; patching them for the guide's error boundary here, in the same synchronous module
 * evaluation, comes before that first update.
 */
import { ReferralAcute } from './components/referral-acute.ts';
import { ReferralReview } from './components/referral-review.ts';
import { ReferralPlanElement } from './plan/referral-plan.ts';
import { ReferralNote } from './plan/referral-note.ts';
import { reportUpdateErrors } from './controllers/error-boundary.ts';
import './i18n/plan-texts.ts';
export { referralPlanSchema } from '../machines/schemas.ts';
export { buildPlanView } from './plan/view.ts';
export { planScreen, planNote, planNoteText } from './plan/pipeline.ts';
export { copyText } from './plan/clipboard.ts';
export { localView } from './config/view.ts';

for (const ctor of [ReferralAcute, ReferralReview, ReferralPlanElement, ReferralNote]) reportUpdateErrors(ctor);

export { ReferralAcute, ReferralReview, ReferralPlanElement, ReferralNote };
