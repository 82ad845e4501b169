import { withoutSoftHyphens } from '../i18n/hyphenate.ts';

/** Machine-readable codes of what went wrong; the message is already in the user's language. */
export type ReferralErrorCode =
  | 'unknown-language'
  | 'invalid-answer'
  | 'invalid-date'
  | 'clipboard-failed'
  | 'invalid-config'
  | 'invalid-scenario'
  /** The plan failed its check against referralPlanSchema and was not sent (a bug, never the user's). */
  | 'invalid-plan'
  /** An unexpected exception inside the guide; it shows a Restart button and keeps the answers. */
  | 'internal'
  /** `mode="training"` with the caseworkers' IIFE, which has no training mode (docs/embedding.md). */
  | 'training-unavailable';

export interface ReferralErrorDetail {
  code: ReferralErrorCode;
  message: string;
  /** zod issues when the error came from schema validation (config, scenario). */
  issues?: ReadonlyArray<unknown>;
}

/** Bad input reached the widget. It keeps working; no answer is lost. */
export class ReferralErrorEvent extends CustomEvent<ReferralErrorDetail> {
  static readonly eventName = 'referral-error' as const;
  constructor(detail: ReferralErrorDetail) {
    // The message is the screen's text; a host logs it, so without kl's soft hyphens.
    super(ReferralErrorEvent.eventName, {
      detail: { ...detail, message: withoutSoftHyphens(detail.message) },
      bubbles: true,
      composed: true,
    });
  }
}
