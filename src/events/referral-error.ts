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
  | 'training-unavailable'
  /** The `mode` attribute is not `guide` or `training`; the guide is shown as `guide`. */
  | 'unknown-mode'
  /**
   * The page stops the guide from working: another script holds one of its tags, it was moved
   * into another document, Trusted Types block its rendering library, or two guides ask for one
   * persisted record. `issues[0].code` says which: `tag-taken`, `adopted`, `blocked`, `failed`,
   * `persist-shared`.
   */
  | 'embedding';

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
