import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';
import type { NoteModel } from './note.ts';
import type { PlanView } from './view.ts';

/**
 * The case-file note, shown only in print, in the note's own language (which may differ from the
 * screen's): the same journal note "Copy note" copies (src/plan/note.ts), actions first, then, when
 * someone refused, the steps to take and the no-refusal rules quoted. No buttons, no web addresses.
 *
 * @csspart note - the note's root.
 */
export class ReferralNote extends LitElement {
  static override properties = {
    note: { attribute: false },
    view: { attribute: false },
    tr: { attribute: false },
  };
  declare note: NoteModel;
  /** For the refusal steps and the no-refusal quotes. */
  declare view: PlanView;
  declare tr: Translator;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: none;
      }
      @media print {
        :host {
          display: block;
          font-size: 9pt;
          line-height: 1.25;
        }
      }
      h2 {
        font-size: 14pt;
        margin-bottom: 2pt;
      }
      h3 {
        font-size: 11pt;
        margin: 8pt 0 3pt;
        border-bottom: 1px solid #000;
      }
      p {
        margin: 0 0 4pt;
        max-width: none;
      }
      ol {
        margin: 0;
        padding-left: 14pt;
      }
      ol.todo > li {
        margin-bottom: 5pt;
        page-break-inside: avoid;
      }
      ol.todo > li > :first-child {
        margin-top: 0;
      }
      .label {
        font-weight: 600;
      }
      blockquote {
        margin: 2pt 0 4pt 8pt;
        padding-left: 6pt;
        border-left: 2px solid #000;
      }
      .small {
        font-size: 8.5pt;
      }
      /* Two refusal routes side by side: a case with both refusals stays within two pages. */
      .refused {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 14pt;
      }
      .refused h3 {
        font-size: 10pt;
      }
    `,
  ];

  override render() {
    const { note, view, tr } = this;
    if (!note || !tr) return nothing;
    const lists = view?.escalation.slice(0, -1) ?? [];
    const more = view?.escalation.at(-1);
    return html`<article part="note" lang=${tr.lang}>
      <h2>${note.title} ${note.date}</h2>
      <p><strong>${note.decisionSupport}</strong> ${note.rulesDate}</p>
      ${note.facts.length
        ? html`<p><span class="label">${tr.t('note.facts')}:</span> ${note.facts.map((f) => `${f.question}: ${f.answer}`).join('; ')}.</p>`
        : nothing}
      ${note.noReferral ? html`<p>${note.noReferral}</p>` : nothing}
      ${note.actions.length
        ? html`<h3>${tr.t('note.actions')}</h3>
            <ol class="todo">
              ${note.actions.map(
                (a) => html`<li>
                  <strong>${a.title}</strong> (${a.who}). ${a.asks.join(' ')}
                  ${a.clocks.map((c) => html`<br /><span class="label">${c}.</span>`)}
                  ${a.contacts.length ? html`<br /><span class="label">${tr.t('note.contact')}:</span> ${a.contacts.join('; ')}` : nothing}
                  ${a.legalBasis.length ? html`<br />${a.legalBasis.join('; ')}` : nothing}
                </li>`,
              )}
            </ol>`
        : nothing}
      ${note.checkLocally.length + note.checkLocallyFlags.length
        ? html`<h3>${tr.t('note.checkLocally')}</h3>
            <ul>
              ${[...note.checkLocally, ...note.checkLocallyFlags].map((c) => html`<li>${c}</li>`)}
            </ul>`
        : nothing}
      ${lists.length
        ? html`<div class=${lists.length > 1 ? 'refused' : ''}>
            ${lists.map(
              (e) => html`<section>
                <h3>${e.title}</h3>
                <ol>
                  ${e.steps.map((s) => html`<li>${s}</li>`)}
                </ol>
              </section>`,
            )}
          </div>`
        : nothing}
      ${more ? html`<p><strong>${more.title}:</strong> ${more.steps.join(' ')}</p>` : nothing}
      ${view?.noRefusal && lists.length
        ? html`<h3>${tr.t('plan.noRefusalHeading')}</h3>
            ${view.noRefusal.quotes.map((q) => html`<blockquote data-rule=${q.ruleId}>${tr.t('note.quote', { text: q.text })}</blockquote>`)}
            <p class="small">${view.noRefusal.source}</p>`
        : nothing}
      <p class="small">${view?.disclaimer ?? ''} ${tr.t('note.footer')}</p>
    </article>`;
  }
}

defineOnce('referral-note', ReferralNote);

declare global {
  interface HTMLElementTagNameMap {
    'referral-note': ReferralNote;
  }
}
