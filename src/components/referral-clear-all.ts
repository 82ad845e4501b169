import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';
import { confirmStyles, renderConfirm } from '../confirm-view.ts';

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
    confirmStyles,
    css`
      /* The button and the confirmation are items of the header's own row (the guide's .bar):
         the button keeps its place, and the confirmation opens as a full-width row below. */
      :host {
        display: contents;
      }
      .confirm {
        flex: 1 1 100%;
        order: 10;
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
        ? renderConfirm(
            'confirm',
            { question: tr.t('privacy.clearConfirm'), yes: tr.t('privacy.clearYes'), cancel: tr.t('privacy.clearCancel') },
            () => this.confirm(),
            () => void this.cancel(),
          )
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
}

defineOnce('referral-clear-all', ReferralClearAll);

declare global {
  interface HTMLElementTagNameMap {
    'referral-clear-all': ReferralClearAll;
  }
}
