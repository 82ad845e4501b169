import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/**
 * "Clear all": wipes every answer and detail of the guide, and the stored copy when the host
 * opted in to `persist`. It asks once before it wipes (a caseworker may be mid-conversation);
 * Escape or Cancel keeps everything and gives focus back to the button.
 *
 * @fires rg-clear-all - the user confirmed (internal).
 * @csspart clear-all - the Clear all button.
 */
export class ReferralClearAll extends LitElement {
  static override properties = {
    tr: { attribute: false },
    confirming: { state: true },
  };
  declare tr: Translator;
  declare confirming: boolean;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      .confirm {
        margin-top: var(--_space);
        padding: calc(var(--_space) * 1.5);
        border: 2px solid var(--_warning);
        border-radius: var(--_radius);
        background: var(--_warning-bg);
      }
      .confirm p {
        margin: 0 0 var(--_space);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      @media print {
        :host {
          display: none !important;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.confirming = false;
  }

  override render() {
    const tr = this.tr;
    return html`<button
        type="button"
        class="link-button"
        part="clear-all"
        aria-expanded=${this.confirming ? 'true' : 'false'}
        aria-controls="confirm"
        @click=${this.ask}
      >
        ${tr.t('privacy.clearAll')}
      </button>
      ${this.confirming
        ? html`<div class="confirm" id="confirm" role="group" aria-labelledby="confirm-text" @keydown=${this.onKey}>
            <p id="confirm-text" tabindex="-1">${tr.t('privacy.clearConfirm')}</p>
            <div class="row">
              <button type="button" class="button" data-confirm @click=${this.confirm}>${tr.t('privacy.clearYes')}</button>
              <button type="button" class="button secondary" data-cancel @click=${this.cancel}>${tr.t('privacy.clearCancel')}</button>
            </div>
          </div>`
        : nothing}`;
  }

  private async ask() {
    if (this.confirming) return this.cancel();
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus();
  }

  private confirm() {
    this.confirming = false;
    this.dispatchEvent(new CustomEvent('rg-clear-all'));
  }

  private async cancel() {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('button')?.focus();
  }

  private onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      void this.cancel();
    }
  }
}

defineOnce('referral-clear-all', ReferralClearAll);

declare global {
  interface HTMLElementTagNameMap {
    'referral-clear-all': ReferralClearAll;
  }
}
