import type { Lang } from '../i18n/languages.ts';

export interface ReferralLanguageChangeDetail {
  lang: Lang;
  previous: Lang;
}

/** The caseworker switched the widget's language with its language switch. */
export class ReferralLanguageChangeEvent extends CustomEvent<ReferralLanguageChangeDetail> {
  static readonly eventName = 'referral-language-change' as const;
  constructor(detail: ReferralLanguageChangeDetail) {
    super(ReferralLanguageChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
