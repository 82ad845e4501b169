import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import type { Translator } from '../i18n/translator.ts';
import { confidenceLine, type AnswerRow, type PlanView } from './view.ts';
import { contactHeading, contactLine, type LocalView } from '../config/view.ts';
import type { ServiceId } from '../../machines/index.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

/** Flags whose text the note already carries below (the quotes and the escalation lists). */
const REPEATED_BELOW: ReadonlySet<string> = new Set(['F-norefusal', 'F-escalate-kommune', 'F-escalate-region']);

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
    local: { attribute: false },
    today: { type: String },
  };
  declare view: PlanView;
  declare answers: AnswerRow[];
  declare tr: Translator;
  /** The host's local contacts and notes (config) in the note's language, if any. */
  declare local: LocalView | null;
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
          font-size: 9pt;
          line-height: 1.25;
        }
      }
      h2 {
        font-size: 16pt;
        margin-bottom: 4pt;
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
      .escalation {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 14pt;
      }
      .escalation ol {
        margin: 0;
        padding-left: 14pt;
      }
      .sources {
        font-size: 7.5pt;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const { view, tr } = this;
    const sources = new Map<string, { title: string; url?: string }>();
    for (const step of view.steps) for (const s of step.sources) sources.set(s.id, s);
    // The last escalation block is the general "more help"; in print it runs as one paragraph.
    const escalationLists = view.escalation.slice(0, -1);
    const moreHelp = view.escalation.at(-1);
    const flags = view.flags.filter((f) => f.id !== 'F-deadlines');
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
                  ${confidenceLine(s)}`
              : nothing}
            ${(this.local?.contacts[s.service as ServiceId] ?? []).map(
              (c) => html`<br /><span class="label">${contactHeading(this.local!, (key, params) => tr.t(key, params))}:</span> ${contactLine(c)}`,
            )}
          </li>`,
        )}
      </ol>

      ${this.local?.notes.length
        ? html`<h3>${tr.t('local.notesHeading')}</h3>
            <ul class="flags">
              ${this.local.notes.map((n) => html`<li>${n.text}</li>`)}
            </ul>`
        : nothing}
      ${flags.length
        ? html`<h3>${tr.t('note.flagsHeading')}</h3>
            <ul class="flags">
              ${flags.map(
                (f) =>
                  html`<li>
                    <strong>${f.title}.</strong>
                    ${/* The quotes and the escalation steps below say these in full. */
                    REPEATED_BELOW.has(f.id) ? nothing : f.body}
                  </li>`,
              )}
            </ul>`
        : nothing}
      ${view.noRefusal
        ? html`<h3>${tr.t('plan.noRefusalHeading')}</h3>
            ${view.noRefusal.quotes.map(
              (q) => html`<blockquote data-rule=${q.ruleId}>${tr.t('note.quote', { text: q.text })}</blockquote>`,
            )}
            <p>${view.noRefusal.source}</p>`
        : nothing}
      ${escalationLists.length
        ? html`<div class="escalation">
            ${escalationLists.map(
              (e) => html`<section>
                <h3>${e.title}</h3>
                <ol>
                  ${e.steps.map((s) => html`<li>${s}</li>`)}
                </ol>
              </section>`,
            )}
          </div>`
        : nothing}
      ${moreHelp ? html`<p><strong>${moreHelp.title}:</strong> ${moreHelp.steps.join(' ')}</p>` : nothing}
      ${sources.size
        ? html`<p class="sources">
            <strong>${tr.t('note.sourcesHeading')}:</strong>
            ${[...sources.values()].map((s) => s.title).join(' · ')}
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
