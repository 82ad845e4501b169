import { LitElement, html, css } from 'lit';
import { defineOnce } from '../define.ts';
import { ENDONYMS, LANGS, type Lang } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/**
 * The language switch: one toggle button per language, each named in its own language (a
 * caseworker who does not read the current language still finds theirs).
 *
 * @fires rg-language - `detail: { lang }` when the user picks another language (internal).
 * @csspart switch - the button group.
 */
export class ReferralLanguageSwitch extends LitElement {
  static override properties = {
    lang: { type: String },
    tr: { attribute: false },
  };
  declare lang: Lang;
  declare tr: Translator;

  static override styles = [
    tokens,
    shared,
    css`
      .switch {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin: 0;
        padding: 0;
        border: 0;
      }
      .label {
        font-weight: 600;
        margin-inline-end: var(--_space);
        align-self: center;
      }
      button {
        min-height: 2.75em;
        padding: 0 calc(var(--_space) * 1.5);
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_primary);
        font: inherit;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
        font-weight: 600;
      }
      /* A phone: the three languages on one row (the group keeps its name for screen readers). */
      @container referral (max-width: 30em) {
        .switch {
          gap: calc(var(--_space) * 0.75);
        }
        .label {
          display: none;
        }
        button {
          min-height: 2.5em;
          padding: 0 var(--_space);
        }
      }
      @media print {
        :host {
          display: none !important;
        }
      }
    `,
  ];

  override render() {
    const label = this.tr.t('language.label');
    return html`<div class="switch" role="group" aria-label=${label} part="switch">
      <span class="label" aria-hidden="true">${label}</span>
      ${LANGS.map(
        (lang) =>
          html`<button
            type="button"
            lang=${lang}
            aria-pressed=${lang === this.lang ? 'true' : 'false'}
            @click=${() => this.pick(lang)}
          >
            ${ENDONYMS[lang]}
          </button>`,
      )}
    </div>`;
  }

  private pick(lang: Lang) {
    if (lang === this.lang) return;
    this.dispatchEvent(new CustomEvent('rg-language', { detail: { lang } }));
  }
}

defineOnce('referral-language-switch', ReferralLanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'referral-language-switch': ReferralLanguageSwitch;
  }
}
