/**
 * The notices `<referral-guide>` shows above the screen: errors (bad input from the host, an
 * unknown language, a failed copy) and the answers a change dropped, with the undo that puts
 * them back. Templates rendered in the guide's shadow root, with its styles (`noticeStyles`).
 */
import { css, html, nothing } from 'lit';
import type { Translator } from './i18n/translator.ts';
import type { Translate } from './errors.ts';
import type { ReferralErrorCode } from './events/index.ts';
import type { AnswerValue, Answers, Details, QuestionId } from '../machines/types.ts';
import { answerLabel, questionLabel } from './plan-labels.ts';

export interface ShownError {
  code: ReferralErrorCode;
  key: string;
  params?: Record<string, unknown>;
  /** A composed message (config issues), said anew in each language. */
  describe?: (t: Translate) => string;
}

/**
 * What an answer change dropped, and the state before it: "Undo" restores every dropped answer
 * and the changed answer's old value. Kept until the next answer (or Restart, Clear all).
 */
export interface UndoOffer {
  answers: Answers;
  details: Details;
  dropped: ReadonlyArray<{ questionId: QuestionId; value: AnswerValue }>;
}

export const noticeStyles = css`
  .banner {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    justify-content: space-between;
    align-items: start;
  }
  .banner > p,
  .banner > div {
    margin: 0;
    flex: 1 1 20em;
    min-width: 0;
  }
  .notice.error {
    border-color: var(--_error);
    background: var(--_error-bg);
  }
  .notice.success {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .editor-details {
    margin-top: var(--_space);
    color: var(--_muted);
  }
  .editor-details summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  .editor-details p {
    margin: var(--_space) 0 0;
    font-family: var(--_font);
  }
  .dropped h2 {
    font-size: 1.125em;
  }
  .dropped ul {
    margin: 0 0 calc(var(--_space) * 2);
    padding-left: 1.25em;
  }
  @media print {
    .errors,
    .dropped {
      display: none !important;
    }
  }
`;

/**
 * One banner per error. Bad local configuration tells the caseworker one plain sentence (the
 * national information is shown); the field-by-field detail is for the intranet editor, behind
 * a toggle here and in full in the `referral-error` event and the console.
 */
export function renderErrors(tr: Translator, errors: readonly ShownError[], onDismiss: (code: ReferralErrorCode) => void) {
  if (errors.length === 0) return nothing;
  return html`<div class="errors" role="alert" part="errors">
    ${errors.map(
      (e) => html`<div class="notice error banner" data-error=${e.code}>
        ${e.code === 'invalid-config'
          ? html`<div>
              <p data-error-plain>${tr.t('errors.config.plain')}</p>
              <details class="editor-details">
                <summary>${tr.t('errors.config.forEditor')}</summary>
                <p data-error-details>${e.describe ? e.describe(tr.t) : tr.t(e.key, e.params)}</p>
              </details>
            </div>`
          : html`<p>${e.describe ? e.describe(tr.t) : tr.t(e.key, e.params)}</p>`}
        <button type="button" class="link-button" @click=${() => onDismiss(e.code)}>${tr.t('errors.dismiss')}</button>
      </div>`,
    )}
  </div>`;
}

/** The answers the last change dropped, each named, and the button that puts them back. */
export function renderDropped(tr: Translator, offer: UndoOffer | null, onUndo: () => void) {
  if (!offer || offer.dropped.length === 0) return nothing;
  const count = offer.dropped.length;
  return html`<div class="notice warning dropped" data-dropped>
    <h2 class="h3">${tr.t('review.dropped.heading')}</h2>
    <p>${tr.t('review.dropped.intro', { count })}</p>
    <ul>
      ${offer.dropped.map(
        (d) => html`<li data-question=${d.questionId}>
          <strong>${questionLabel(tr, d.questionId)}:</strong> ${answerLabel(tr, d.questionId, d.value)}
        </li>`,
      )}
    </ul>
    <button type="button" class="button secondary" data-undo @click=${onUndo}>
      ${tr.t('review.dropped.undo', { count })}
    </button>
  </div>`;
}
