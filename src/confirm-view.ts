/**
 * "Are you sure?" for the two controls that wipe every answer: "Clear all" in the header
 * (src/components/referral-clear-all.ts) and "Start again" on the plan (the guide). Both ask the
 * same way: a sentence that receives focus, a button that wipes and one that keeps everything;
 * Escape is Cancel. The caller owns the state and moves focus back on Cancel.
 */
import { css, html, type TemplateResult } from 'lit';

export interface ConfirmTexts {
  question: string;
  yes: string;
  cancel: string;
}

export const confirmStyles = css`
  .confirm {
    margin-top: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_text);
  }
  .confirm p {
    margin: 0 0 var(--_space);
  }
  .confirm .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  @media print {
    .confirm {
      display: none !important;
    }
  }
`;

export function renderConfirm(
  id: string,
  texts: ConfirmTexts,
  onYes: () => void,
  onCancel: () => void,
): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onCancel();
  };
  return html`<div class="confirm" id=${id} role="group" aria-labelledby=${`${id}-text`} @keydown=${onKey}>
    <p id=${`${id}-text`} tabindex="-1">${texts.question}</p>
    <div class="row">
      <button type="button" class="button" data-confirm @click=${onYes}>${texts.yes}</button>
      <button type="button" class="button secondary" data-cancel @click=${onCancel}>${texts.cancel}</button>
    </div>
  </div>`;
}
