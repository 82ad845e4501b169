import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AnswerRow, PlanView } from '../plan-view.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/**
 * The referral note for the case file, shown only in print: a compact one-to-two page version
 * of the plan, in the note's own language (which may differ from the screen's). No buttons.
 *
 * @csspart note - the note's root.
 */
export class ReferralNote extends LitElement {
  static override properties = {
    view: { attribute: false },
    answers: { attribute: false },
    tr: { attribute: false },
    today: { type: String },
  };
  declare view: PlanView;
  declare answers: AnswerRow[];
  declare tr: Translator;
  /** `YYYY-MM-DD`, the date printed on the note. */
  declare today: string;

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
        }
      }
      h2 {
        font-size: 16pt;
        margin-bottom: 4pt;
      }
      h3 {
        font-size: 12pt;
        margin: 10pt 0 4pt;
        border-bottom: 1px solid #000;
      }
      p {
        margin: 0 0 4pt;
        max-width: none;
      }
      .meta {
        margin-bottom: 6pt;
      }
      .answers {
        columns: 2;
        column-gap: 16pt;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .answers li {
        break-inside: avoid;
      }
      ol.steps {
        margin: 0;
        padding-left: 14pt;
      }
      ol.steps > li {
        margin-bottom: 6pt;
        break-inside: avoid;
      }
      .label {
        font-weight: 600;
      }
      .flags {
        margin: 0;
        padding-left: 14pt;
      }
      .flags li {
        margin-bottom: 3pt;
      }
      blockquote {
        margin: 2pt 0 4pt 8pt;
        padding-left: 6pt;
        border-left: 2px solid #000;
      }
      .sources {
        font-size: 8.5pt;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const { view, tr } = this;
    const sources = new Map<string, { title: string; url?: string }>();
    for (const step of view.steps) for (const s of step.sources) sources.set(s.id, s);
    return html`<article part="note" lang=${tr.lang}>
      <h2>${tr.t('note.title')}</h2>
      <p class="meta">
        ${tr.t('note.created', { date: tr.date(this.today) })} ·
        ${tr.t('plan.validAsOf', { date: view.validAsOf })}${view.requestDate
          ? html` · ${tr.t('plan.requestDate', { date: view.requestDate })}`
          : nothing}
      </p>
      <p><strong>${view.disclaimer}</strong></p>

      <h3>${tr.t('note.answersHeading')}</h3>
      <ul class="answers">
        ${this.answers.map((a) => html`<li><span class="label">${a.question}:</span> ${a.answer}</li>`)}
      </ul>

      <h3>${tr.t('note.stepsHeading')}</h3>
      ${view.noReferral ? html`<p>${view.noReferral}</p>` : nothing}
      <ol class="steps">
        ${view.steps.map(
          (s) => html`<li>
            <strong>${s.name}</strong>${s.parallelWith
              ? html` (${tr.t('plan.parallel', { n: s.parallelWith })})`
              : nothing}
            — <span class="label">${tr.t('plan.responsible')}:</span> ${s.authority}
            ${s.deadline ? html`<br /><span class="label">${s.deadline}</span>${s.due ? html` (${s.due})` : nothing}` : nothing}
            <br /><span class="label">${tr.t('plan.whatNow')}:</span> ${s.action}
            ${s.legalBasis.length
              ? html`<br /><span class="label">${tr.t('plan.legalBasis')}:</span> ${s.legalBasis.join('; ')}`
              : nothing}
            ${s.confidence.length
              ? html`<br /><span class="label">${tr.t('plan.confidence')}:</span>
                  ${s.confidence.map((c) => `${c.ruleId} ${c.label}`).join('; ')}`
              : nothing}
          </li>`,
        )}
      </ol>

      ${view.flags.length
        ? html`<h3>${tr.t('note.flagsHeading')}</h3>
            <ul class="flags">
              ${view.flags.map((f) => html`<li><strong>${f.title}.</strong> ${f.body}</li>`)}
            </ul>`
        : nothing}
      ${view.noRefusal
        ? html`<h3>${tr.t('plan.noRefusalHeading')}</h3>
            ${view.noRefusal.quotes.map(
              (q) => html`<blockquote data-rule=${q.ruleId}>${tr.t('note.quote', { text: q.text })}</blockquote>`,
            )}
            <p>${view.noRefusal.source}</p>`
        : nothing}
      ${view.escalation.map(
        (e) => html`<h3>${e.title}</h3>
          <ol>
            ${e.steps.map((s) => html`<li>${s}</li>`)}
          </ol>`,
      )}
      ${sources.size
        ? html`<h3>${tr.t('note.sourcesHeading')}</h3>
            <p class="sources">
              ${[...sources.values()].map((s) => html`${s.title}${s.url ? ` <${s.url}>` : ''}. `)}
            </p>`
        : nothing}
      ${view.smallPrint.map((f) => html`<p class="sources"><strong>${f.title}.</strong> ${f.body}</p>`)}
      <p class="sources">${tr.t('note.footer')}</p>
    </article>`;
  }
}

defineOnce('referral-note', ReferralNote);

declare global {
  interface HTMLElementTagNameMap {
    'referral-note': ReferralNote;
  }
}
