export { ReferralCompleteEvent } from './referral-complete.ts';
export { ReferralStepEvent, type ReferralStepDetail } from './referral-step.ts';
export {
  ReferralLanguageChangeEvent,
  type ReferralLanguageChangeDetail,
} from './referral-language-change.ts';
export { ReferralErrorEvent, type ReferralErrorCode, type ReferralErrorDetail } from './referral-error.ts';

import type { ReferralCompleteEvent } from './referral-complete.ts';
import type { ReferralStepEvent } from './referral-step.ts';
import type { ReferralLanguageChangeEvent } from './referral-language-change.ts';
import type { ReferralErrorEvent } from './referral-error.ts';

declare global {
  interface HTMLElementEventMap {
    'referral-complete': ReferralCompleteEvent;
    'referral-step': ReferralStepEvent;
    'referral-language-change': ReferralLanguageChangeEvent;
    'referral-error': ReferralErrorEvent;
  }
}
