import type { ReferralPlan } from '../../machines/types.ts';

/** The guide reached a plan and the caseworker sees it. `detail` is the plan (contract.md). */
export class ReferralCompleteEvent extends CustomEvent<ReferralPlan> {
  static readonly eventName = 'referral-complete' as const;
  constructor(plan: ReferralPlan) {
    super(ReferralCompleteEvent.eventName, { detail: plan, bubbles: true, composed: true });
  }
}
