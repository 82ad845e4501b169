import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import { readTypedDate } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AnswerRow } from '../plan/view.ts';
import type { Details } from '../../machines/types.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/**
 * "Check your answers": every answer with a Change link, optional details (the date of the
 * citizen's request, which starts the kommune's 14-day clock; the date the referral to the region
 * was sent, which starts the region's 30-day clock, shown when the plan has one; outpatient
 * treatment not enough), and the button to the plan.
 *
 * @fires rg-edit - `detail: { questionId }` from a Change link.
 * @fires rg-back - back to the last question.
 * @fires rg-details - `detail: { requestDate?: string | null, referralSentDate?: string | null, outpatientInsufficient?: boolean }`.
 * @fires rg-confirm - the user wants to see the plan (details are valid).
 * @fires rg-invalid-date - `detail: { text }` a typed date is not a date.
 */
export class ReferralReview extends LitElement {
  static override properties = {
    rows: { attribute: false },
    tr: { attribute: false },
    details: { attribute: false },
    showOutpatient: { type: Boolean, attribute: 'show-outpatient' },
    showRequestDate: { type: Boolean, attribute: 'show-request-date' },
    showReferral: { type: Boolean, attribute: 'show-referral' },
    dateText: { state: true },
    dateError: { state: true },
    referralText: { state: true },
    referralError: { state: true },
  };
  declare rows: AnswerRow[];
  declare tr: Translator;
  declare details: Details;
  declare showOutpatient: boolean;
  /** Only when a clock runs from the citizen's request (no date to ask for when no clock does). */
  declare showRequestDate: boolean;
  declare showReferral: boolean;
  declare dateText: string;
  declare dateError: boolean;
  declare referralText: string;
  declare referralError: boolean;
  private reportedText: string | null = null;

  constructor() {
    super();
    this.details = {};
    this.showOutpatient = false;
    this.showRequestDate = true;
    this.showReferral = false;
    this.dateText = '';
    this.dateError = false;
    this.referralText = '';
    this.referralError = false;
  }

  static override styles = [
    tokens,
    shared,
    css`
      .summary {
        margin: 0 0 calc(var(--_space) * 4);
        border-top: 1px solid var(--_border);
      }
      .row {
        display: grid;
        grid-template-columns: minmax(9em, 1fr) 2fr auto;
        gap: var(--_space) calc(var(--_space) * 2);
        padding: calc(var(--_space) * 1.25) 0;
        border-bottom: 1px solid var(--_border);
        align-items: baseline;
      }
      .row dt {
        font-weight: 600;
      }
      .row dd {
        margin: 0;
        min-width: 0;
        hyphens: manual; /* an answer is a label, like the question beside it */
      }
      @container referral (max-width: 36em) {
        .row {
          grid-template-columns: minmax(0, 1fr);
          gap: calc(var(--_space) / 2);
        }
      }
      fieldset {
        border: 0;
        margin: 0 0 calc(var(--_space) * 2);
        padding: 0;
        min-width: 0;
      }
      legend {
        max-width: 100%;
        overflow-wrap: anywhere;
        font-size: 1.25em;
        font-weight: 600;
        margin-bottom: var(--_space);
        padding: 0;
      }
      .field {
        margin-bottom: calc(var(--_space) * 2);
      }
      .field label {
        display: block;
        font-weight: 600;
      }
      input[type='text'] {
        font: inherit;
        min-height: 2.75em;
        width: 12ch;
        max-width: 100%;
        padding: 0 var(--_space);
        border: 2px solid var(--_text);
        border-radius: 0;
      }
      input[aria-invalid='true'] {
        border-color: var(--_error);
        border-width: 3px;
      }
      .check {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 calc(var(--_space) * 1.5);
        align-items: start;
      }
      .check input {
        font-size: inherit;
        width: 1.5em;
        height: 1.5em;
        margin: 0.1em 0 0;
        accent-color: var(--_primary);
      }
      .check .hint {
        grid-column: 2;
        margin: 0;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('details') && !this.dateError) this.dateText = this.details.requestDate ?? '';
    if (changed.has('details') && !this.referralError) this.referralText = this.details.referralSentDate ?? '';
  }

  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  /** Focus the request-date field (a "Why?" entry for the date links here). */
  async focusDetail(id: 'request-date' | 'outpatient-insufficient' | 'referral-sent-date') {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  override render() {
    const tr = this.tr;
    return html`
      <div class="top">
        <button type="button" class="link-button back" @click=${() => this.fire('rg-back')}>
          ${tr.t('nav.back')}
        </button>
      </div>
      <h2 id="heading" tabindex="-1">${tr.t('review.heading')}</h2>
      <p>${tr.t('review.intro')}</p>
      <dl class="summary" aria-label=${tr.t('review.answersCaption')}>
        ${this.rows.map(
          (row) => html`<div class="row" data-question=${row.questionId}>
            <dt>${row.question}</dt>
            <dd class="answer">${row.answer}</dd>
            <dd>
              <button
                type="button"
                class="link-button"
                @click=${() => this.fire('rg-edit', { questionId: row.questionId })}
              >
                ${tr.t('review.change')}<span class="visually-hidden">: ${row.question}</span>
              </button>
            </dd>
          </div>`,
        )}
      </dl>
      <form novalidate @submit=${this.onSubmit}>
        ${this.showRequestDate || this.showReferral || this.showOutpatient
          ? html`<fieldset>
          <legend>${tr.t('review.details.heading')}</legend>
          ${this.showRequestDate ? html`<div class="field">
            <label for="request-date">${tr.t('review.details.requestDate')}</label>
            <p class="hint" id="request-date-hint">${tr.t('review.details.requestDateHint')}</p>
            ${this.dateError
              ? html`<p class="error-message" id="request-date-error" role="alert">${tr.t('errors.invalidDate')}</p>`
              : nothing}
            <input
              id="request-date"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              spellcheck="false"
              .value=${this.dateText}
              aria-describedby=${this.dateError ? 'request-date-hint request-date-error' : 'request-date-hint'}
              aria-invalid=${this.dateError ? 'true' : 'false'}
              @input=${(e: Event) => (this.dateText = (e.target as HTMLInputElement).value)}
              @change=${this.commitDate}
            />
          </div>` : nothing}
          ${this.showReferral
            ? html`<div class="field">
                <label for="referral-sent-date">${tr.t('review.details.referralSentDate')}</label>
                <p class="hint" id="referral-sent-date-hint">${tr.t('review.details.referralSentDateHint')}</p>
                ${this.referralError
                  ? html`<p class="error-message" id="referral-sent-date-error" role="alert">${tr.t('errors.invalidDate')}</p>`
                  : nothing}
                <input
                  id="referral-sent-date"
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${this.referralText}
                  aria-describedby=${this.referralError ? 'referral-sent-date-hint referral-sent-date-error' : 'referral-sent-date-hint'}
                  aria-invalid=${this.referralError ? 'true' : 'false'}
                  @input=${(e: Event) => (this.referralText = (e.target as HTMLInputElement).value)}
                  @change=${this.commitReferral}
                />
              </div>`
            : nothing}
          ${this.showOutpatient
            ? html`<div class="field check">
                <input
                  id="outpatient-insufficient"
                  type="checkbox"
                  .checked=${this.details.outpatientInsufficient === true}
                  aria-describedby="outpatient-hint"
                  @change=${(e: Event) =>
                    this.fire('rg-details', { outpatientInsufficient: (e.target as HTMLInputElement).checked })}
                />
                <label for="outpatient-insufficient">${tr.t('review.details.outpatient')}</label>
                <p class="hint" id="outpatient-hint">${tr.t('review.details.outpatientHint')}</p>
              </div>`
            : nothing}
        </fieldset>`
          : nothing}
        <div class="actions">
          <button type="submit" class="button">${tr.t('nav.seePlan')}</button>
        </div>
      </form>
    `;
  }

  /** Sends a valid date (or its removal) to the owner; flags a typed non-date. */
  private commitDate(): boolean {
    const text = this.dateText.trim();
    if (text === '') {
      this.dateError = false;
      if (this.details.requestDate) this.fire('rg-details', { requestDate: null });
      return true;
    }
    const iso = readTypedDate(text);
    if (!iso) {
      this.dateError = true;
      // Tabbing away and then pressing "See the plan" must not report the same text twice.
      if (text !== this.reportedText) this.fire('rg-invalid-date', { text });
      this.reportedText = text;
      return false;
    }
    this.reportedText = null;
    this.dateError = false;
    this.dateText = iso;
    if (iso !== this.details.requestDate) this.fire('rg-details', { requestDate: iso });
    return true;
  }

  /** The same for the date the referral was sent (shown only when the plan has a regional clock). */
  private commitReferral(): boolean {
    if (!this.showReferral) return true;
    const text = this.referralText.trim();
    if (text === '') {
      this.referralError = false;
      if (this.details.referralSentDate) this.fire('rg-details', { referralSentDate: null });
      return true;
    }
    const iso = readTypedDate(text);
    if (!iso) {
      this.referralError = true;
      if (text !== this.reportedText) this.fire('rg-invalid-date', { text });
      this.reportedText = text;
      return false;
    }
    this.referralError = false;
    this.referralText = iso;
    if (iso !== this.details.referralSentDate) this.fire('rg-details', { referralSentDate: iso });
    return true;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    if (!this.commitDate()) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#request-date')?.focus());
      return;
    }
    if (!this.commitReferral()) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#referral-sent-date')?.focus());
      return;
    }
    this.fire('rg-confirm');
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}

defineOnce('referral-review', ReferralReview);

declare global {
  interface HTMLElementTagNameMap {
    'referral-review': ReferralReview;
  }
}
