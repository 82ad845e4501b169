import type { QuestionId } from '../../machines/types.ts';

export interface ReferralStepDetail {
  questionId: QuestionId;
  /** 1-based position of the question in the path the answers so far predict. */
  index: number;
}

/** The caseworker moved to a new question (answer, Back, or a Change link). */
export class ReferralStepEvent extends CustomEvent<ReferralStepDetail> {
  static readonly eventName = 'referral-step' as const;
  constructor(detail: ReferralStepDetail) {
    super(ReferralStepEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
