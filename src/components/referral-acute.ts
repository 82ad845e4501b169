import { LitElement, html, css } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import type { EmergencyEntry } from '../../machines/types.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/**
 * The emergency screen (R12, F-acute): what to do right now, then a button to continue the
 * guide once the citizen is safe. It stays calm and short: the caseworker may be on the phone.
 *
 * 112 is said once. The psychiatric emergency entries are the plan's (machines/regions.ts through
 * `emergencyPlanOf`): the configured region's own, or the generic rule when no region is
 * configured — never another region's number. Compulsory admission is the one shared sentence
 * (`rules:emergency.compulsory`), the same as on the plan.
 *
 * @fires rg-continue - the user continues the guide after the emergency.
 * @fires rg-back - the user goes back to the acute question (to correct a mistaken "yes").
 */
export class ReferralAcute extends LitElement {
  static override properties = {
    tr: { attribute: false },
    entries: { attribute: false },
  };
  declare tr: Translator;
  /** The emergency track's entries (112 first); empty until the statechart has loaded. */
  declare entries: EmergencyEntry[];

  constructor() {
    super();
    this.entries = [];
  }

  static override styles = [
    tokens,
    shared,
    css`
      .panel {
        border: 4px solid var(--_danger);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 3);
        background: var(--_bg);
      }
      h2 {
        color: var(--_danger);
      }
      .call {
        font-size: 1.375em;
        font-weight: 700;
      }
      .call a {
        color: var(--_danger);
        white-space: nowrap;
      }
      ul {
        padding-left: 1.25em;
        margin: 0 0 calc(var(--_space) * 2);
      }
      li {
        margin-bottom: var(--_space);
      }
      @container referral (max-width: 30em) {
        .panel {
          padding: calc(var(--_space) * 1.5);
        }
        .call {
          font-size: 1.125em;
        }
      }
    `,
  ];

  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  override render() {
    const tr = this.tr;
    return html`
      <div class="top no-print">
        <button type="button" class="link-button back" @click=${() => this.fire('rg-back')}>
          ${tr.t('nav.back')}
        </button>
      </div>
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading" tabindex="-1">${tr.t('acute.heading')}</h2>
        <p>${tr.t('acute.lead')}</p>
        <p class="call">
          ${tr.t('acute.call112')}
          <a href="tel:112">${tr.t('acute.call112Link')}</a>
        </p>
        <ul>
          ${this.entries
            .filter((entry) => entry.id !== '112')
            .map(
              (entry) => html`<li data-entry=${entry.id}>
                ${tr.t(`rules:emergency.${entry.id}.text`)}
                ${entry.phone
                  ? html`<a href=${`tel:${entry.phone}`}>${tr.t(`rules:emergency.${entry.id}.label`)}</a>`
                  : ''}
              </li>`,
            )}
          <li data-entry="compulsory">${tr.t('rules:emergency.compulsory')}</li>
        </ul>
        <p>${tr.t('acute.afterwards')}</p>
        <div class="actions">
          <button type="button" class="button" @click=${() => this.fire('rg-continue')}>
            ${tr.t('acute.continue')}
          </button>
        </div>
      </section>
    `;
  }

  private fire(name: string) {
    this.dispatchEvent(new CustomEvent(name));
  }
}

defineOnce('referral-acute', ReferralAcute);

declare global {
  interface HTMLElementTagNameMap {
    'referral-acute': ReferralAcute;
  }
}
