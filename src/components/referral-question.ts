import { LitElement, html, css, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { keyed } from 'lit/directives/keyed.js';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AnswerValue } from '../../machines/types.ts';
import type { QuestionDef } from '../../machines/index.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

export interface Progress {
  index: number;
  total: number;
}

/**
 * One question on its own screen: a fieldset whose legend is the question's heading, a short
 * hint on what it means and why it is asked, radio buttons (single choice) or checkboxes (multi
 * choice, with an exclusive "none" set apart), and a Continue button. Presentational: it knows
 * nothing of the rules; the owner passes the question's definition from the machine.
 *
 * @fires rg-answer - `detail: { questionId, value }` when the user continues with an answer.
 * @fires rg-back - when the user follows the Back link.
 */
export class ReferralQuestion extends LitElement {
  static override properties = {
    question: { attribute: false },
    value: { attribute: false },
    tr: { attribute: false },
    progress: { attribute: false },
    canGoBack: { type: Boolean, attribute: 'can-go-back' },
    error: { type: String },
    selected: { state: true },
  };
  declare question: QuestionDef;
  declare value: AnswerValue | undefined;
  declare tr: Translator;
  declare progress: Progress | null;
  declare canGoBack: boolean;
  /** An error message to show (the owner sets it when the machine refused the answer). */
  declare error: string | null;
  declare selected: string[];

  constructor() {
    super();
    this.progress = null;
    this.canGoBack = false;
    this.error = null;
    this.selected = [];
  }

  static override styles = [
    tokens,
    shared,
    css`
      .top {
        min-height: 1.5em;
      }
      .progress {
        color: var(--_muted);
        margin: 0 0 var(--_space);
        font-size: 1em;
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
        max-width: 100%;
      }
      .why {
        hyphens: auto; /* running text (shared.ts hyphenates only that) */
        border-left: 4px solid var(--_border);
        padding: 0 0 0 calc(var(--_space) * 1.5);
        margin: 0 0 calc(var(--_space) * 2);
        color: var(--_text);
      }
      .why strong {
        display: block;
      }
      .instruction {
        font-weight: 600;
        margin-bottom: var(--_space);
      }
      .has-error {
        border-left: 5px solid var(--_error);
        padding-left: calc(var(--_space) * 2);
      }
      .options {
        display: grid;
        gap: var(--_space);
      }
      .option {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: start;
        gap: 0 calc(var(--_space) * 1.5);
        padding: calc(var(--_space) * 0.75) var(--_space);
        border: 1px solid transparent;
        border-radius: var(--_radius);
      }
      .option:hover {
        background: var(--_surface);
      }
      .option input {
        font-size: inherit;
        width: 1.5em;
        height: 1.5em;
        margin: 0.1em 0 0;
        accent-color: var(--_primary);
      }
      .option label {
        cursor: pointer;
      }
      .option .option-hint {
        grid-column: 2;
        color: var(--_muted);
        margin: 0;
        font-size: 0.9375em;
      }
      .or {
        margin: var(--_space) 0;
        padding-left: var(--_space);
        color: var(--_muted);
      }
      .error-summary {
        border: 4px solid var(--_error);
        padding: calc(var(--_space) * 2);
        margin-bottom: calc(var(--_space) * 3);
      }
      .error-summary:empty {
        display: none;
      }
      .error-summary h3 {
        margin-bottom: var(--_space);
      }
      .error-summary p {
        margin: 0;
        color: var(--_error);
        font-weight: 600;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    // A new question (or a restored answer) resets the selection to the machine's answer.
    if (changed.has('question') || changed.has('value')) {
      const v = this.value;
      this.selected = v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
      if (changed.has('question') && !changed.has('error')) this.error = null;
    }
  }

  /** Moves focus to the question's heading (the owner calls it after each step). */
  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  override render() {
    const q = this.question;
    const tr = this.tr;
    const base = `rules:question.${q.id}`;
    const hintKey = `${base}.hint`;
    const describedBy = ['why', this.error ? 'error' : ''].filter(Boolean).join(' ');
    const regular = q.exclusive ? q.options.filter((o) => o !== q.exclusive) : q.options;
    return html`
      <div class="top no-print">
        ${this.canGoBack
          ? html`<button type="button" class="link-button back" @click=${this.onBack}>${tr.t('nav.back')}</button>`
          : nothing}
      </div>
      ${this.progress
        ? html`<p class="progress">
            ${tr.t('progress.question', {
              index: tr.number(this.progress.index),
              total: tr.number(this.progress.total),
            })}
          </p>`
        : nothing}
      <form novalidate @submit=${this.onSubmit} @change=${this.onChange}>
        <div class="error-summary" role="alert">${this.error
          ? html`<h3>${tr.t('errors.summaryTitle')}</h3>
              <p>${this.error}</p>`
          : nothing}</div>
        <div class=${this.error ? 'has-error' : ''}>
          <fieldset aria-describedby=${describedBy}>
            <legend><h2 id="heading" tabindex="-1">${tr.t(`${base}.title`)}</h2></legend>
            <div id="why" class="why">
              <strong>${tr.t('question.whyAsked')}</strong>
              ${tr.has(hintKey) ? tr.t(hintKey) : ''}
            </div>
            ${this.error ? html`<p id="error" class="error-message">${this.error}</p>` : nothing}
            <p class="instruction">${tr.t(q.kind === 'multi' ? 'question.chooseAny' : 'question.chooseOne')}</p>
            <div class="options">
              ${
                // Fresh inputs per question: a reused, still-checked radio renamed into the next
                // question's group would uncheck the answer shown there (found by the fuzz).
                keyed(
                  q.id,
                  html`${regular.map((o) => this.renderOption(o))}
                  ${q.exclusive
                    ? html`<p class="or" aria-hidden="true">${tr.t('question.or')}</p>
                        ${this.renderOption(q.exclusive)}`
                    : nothing}`,
                )
              }
            </div>
          </fieldset>
        </div>
        <div class="actions">
          <button type="submit" class="button">${tr.t('nav.continue')}</button>
        </div>
      </form>
    `;
  }

  private renderOption(option: string) {
    const q = this.question;
    const id = `opt-${option}`;
    const hintKey = `rules:question.${q.id}.options.${option}.hint`;
    const hasHint = this.tr.has(hintKey);
    return html`<div class="option">
      <input
        id=${id}
        type=${q.kind === 'multi' ? 'checkbox' : 'radio'}
        name=${q.id}
        .value=${option}
        .checked=${live(this.selected.includes(option))}
        aria-describedby=${hasHint ? `${id}-hint` : nothing}
      />
      <label for=${id}>${this.tr.t(`rules:question.${q.id}.options.${option}.label`)}</label>
      ${hasHint ? html`<p class="option-hint" id=${`${id}-hint`}>${this.tr.t(hintKey)}</p>` : nothing}
    </div>`;
  }

  private onChange(e: Event) {
    const input = e.target as HTMLInputElement;
    const q = this.question;
    if (q.kind === 'single') {
      this.selected = [input.value];
    } else if (input.checked) {
      // The exclusive option ("none") stands alone: picking it clears the others and vice versa.
      this.selected =
        input.value === q.exclusive
          ? [input.value]
          : [...this.selected.filter((v) => v !== q.exclusive), input.value];
    } else {
      this.selected = this.selected.filter((v) => v !== input.value);
    }
    if (this.error) this.error = null;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    const q = this.question;
    if (this.selected.length === 0) {
      this.error =
        q.kind === 'multi' && q.exclusive
          ? this.tr.t('errors.requiredMulti', {
              none: this.tr.t(`rules:question.${q.id}.options.${q.exclusive}.label`),
            })
          : this.tr.t('errors.required');
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('input')?.focus(),
      );
      return;
    }
    const ordered = q.options.filter((o) => this.selected.includes(o));
    const value = q.kind === 'multi' ? ordered : ordered[0];
    this.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: q.id, value } }));
  }

  private onBack() {
    this.dispatchEvent(new CustomEvent('rg-back'));
  }
}

defineOnce('referral-question', ReferralQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'referral-question': ReferralQuestion;
  }
}
