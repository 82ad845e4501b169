/**
 * The notices' styles in `<referral-guide>`'s shadow root (error banners of NoticesController,
 * the persist notice of safety-view.ts, the answers a change dropped), and the dropped-answers
 * notice with the undo that puts them back.
 */
import { css, html, nothing } from 'lit';
import type { Translator } from './i18n/translator.ts';
import type { AnswerValue, Answers, Details, QuestionId } from '../machines/types.ts';
import { answerLabel, questionLabel } from './plan-labels.ts';

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
  }
  .editor-details p {
    margin: var(--_space) 0 0;
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
      ${tr.t('review.dropped.undo')}
    </button>
  </div>`;
}
