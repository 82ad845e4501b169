import { LitElement, html, css, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import { ENDONYMS, LANGS, type Lang } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import type { FlagView, PlanView, SourceView, StepView } from '../plan-view.ts';
import type { ContactView, LocalText, LocalView } from '../config/view.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';

export type Handoff = { regional: 'referred' | 'taken-over'; municipal: 'bridging' | 'social-role' } | null;
export type CopyStatus = 'copied' | 'failed' | null;

/**
 * The plan on screen: numbered steps (service, responsible authority, what to do now,
 * deadline and due date, legal basis, confidence in plain words, sources), each with a "Why?"
 * listing the answers behind it and a Change link per answer; the flags as notices; the two
 * no-refusal rules quoted in full with escalation steps; the note actions (print, copy, note
 * language). Presentational: it renders a PlanView built from the machine's plan.
 *
 * @fires rg-edit - `detail: { questionId }` from a Change link in "Why?".
 * @fires rg-edit-detail - `detail: { id }` from a Change link on a detail (request date, outpatient).
 * @fires rg-back - back to the answers (the review page).
 * @fires rg-restart - start again.
 * @fires rg-print - print the note.
 * @fires rg-copy - copy the summary.
 * @fires rg-note-language - `detail: { lang }` the note/summary language changed.
 * @fires rg-region-took-over - the region has taken over the integrated treatment.
 */
export class ReferralPlanElement extends LitElement {
  static override properties = {
    view: { attribute: false },
    tr: { attribute: false },
    handoff: { attribute: false },
    local: { attribute: false },
    noteLang: { attribute: false },
    copyStatus: { attribute: false },
    copyText: { attribute: false },
  };
  declare view: PlanView;
  declare tr: Translator;
  declare handoff: Handoff;
  /** The host's local contacts and notes (config), already in the screen's language. */
  declare local: LocalView | null;
  declare noteLang: Lang;
  declare copyStatus: CopyStatus;
  /** The summary, shown for manual copying when the clipboard refused. */
  declare copyText: string;

  constructor() {
    super();
    this.handoff = null;
    this.local = null;
    this.noteLang = 'da';
    this.copyStatus = null;
    this.copyText = '';
  }

  static override styles = [
    tokens,
    shared,
    css`
      .meta {
        color: var(--_muted);
        margin-bottom: var(--_space);
      }
      .disclaimer {
        font-weight: 600;
      }
      .steps {
        list-style: none;
        margin: 0 0 calc(var(--_space) * 3);
        padding: 0;
        counter-reset: none;
      }
      .step {
        border: 1px solid var(--_border);
        border-left: 6px solid var(--_primary);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        margin-bottom: calc(var(--_space) * 2);
        background: var(--_bg);
        /* A step below the fold is laid out when it scrolls near the view, not on the See-plan
           click (issue 14); the browser remembers its real height once it has been shown. */
        content-visibility: auto;
        contain-intrinsic-size: auto 24em;
      }
      .step h4 {
        font-size: 1.25rem;
        margin-bottom: var(--_space);
      }
      .step .num {
        display: block;
        font-size: 0.9375rem;
        font-weight: 600;
        color: var(--_primary);
      }
      .parallel {
        font-style: italic;
        color: var(--_muted);
      }
      .deadline {
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8rem, max-content) 1fr;
        gap: var(--_space) calc(var(--_space) * 2);
        margin: 0 0 calc(var(--_space) * 2);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        min-width: 0;
      }
      dd ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      @container referral (max-width: 32rem) {
        dl {
          grid-template-columns: 1fr;
          gap: 0;
        }
        dd {
          margin-bottom: var(--_space);
        }
      }
      .tag-V {
        color: var(--_success);
        font-weight: 600;
      }
      .tag-other {
        color: var(--_warning);
        font-weight: 600;
      }
      .confidence {
        margin: 0 0 calc(var(--_space) / 2);
      }
      .confidence-rules {
        font-size: 0.9375rem;
        color: var(--_muted);
      }
      /* Labels and names to look up, not running text: no hyphens of the browser's own. */
      .tag-V,
      .tag-other,
      .confidence-rules,
      details.sources li {
        hyphens: manual;
      }
      details.sources summary {
        cursor: pointer;
        color: var(--_link);
        text-decoration: underline;
      }
      details.why {
        border-top: 1px solid var(--_border);
        padding-top: var(--_space);
      }
      details.why summary {
        cursor: pointer;
        color: var(--_link);
        text-decoration: underline;
        font-weight: 600;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
      details.why ul {
        padding-left: 1.1rem;
      }
      details.why li {
        margin-bottom: calc(var(--_space) / 2);
      }
      blockquote {
        margin: 0 0 calc(var(--_space) * 2);
        padding: var(--_space) calc(var(--_space) * 2);
        border-left: 4px solid var(--_border);
        background: var(--_bg);
      }
      blockquote p {
        margin: 0;
      }
      .quote-title {
        font-weight: 600;
        margin-bottom: calc(var(--_space) / 2);
      }
      .flag-meta {
        font-size: 0.9375rem;
        color: var(--_muted);
      }
      .flag-meta ul {
        display: inline;
        padding: 0;
      }
      .flag-meta li {
        display: inline;
      }
      .flag-meta li + li::before {
        content: ' · ';
      }
      .small-print {
        font-size: 0.9375rem;
        color: var(--_muted);
      }
      .toolbar {
        margin: 0 0 calc(var(--_space) * 3);
      }
      .note-actions {
        border-top: 2px solid var(--_border);
        margin-top: calc(var(--_space) * 3);
        padding-top: calc(var(--_space) * 2);
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: calc(var(--_space) / 2);
        margin-bottom: calc(var(--_space) * 2);
        max-width: 24rem;
      }
      .field label {
        font-weight: 600;
      }
      select,
      textarea {
        font: inherit;
        min-height: 2.75rem;
        border: 2px solid var(--_text);
        border-radius: 0;
        padding: 0 var(--_space);
        background: var(--_bg);
        color: var(--_text);
      }
      textarea {
        width: 100%;
        min-height: 12rem;
        padding: var(--_space);
      }
      /* A class, not a style attribute: hosts with a strict CSP (style-src 'self') refuse those. */
      .field.wide {
        max-width: none;
      }
      .status {
        min-height: 1.5rem;
        margin-top: var(--_space);
      }
      .status.ok {
        color: var(--_success);
        font-weight: 600;
      }
      .contact {
        border-top: 1px solid var(--_border);
        padding-top: var(--_space);
        margin-bottom: calc(var(--_space) * 2);
      }
      .contact h5 {
        margin: 0 0 calc(var(--_space) / 2);
        font-size: 1rem;
      }
      .contact p {
        margin: 0 0 calc(var(--_space) / 2);
      }
      .contact dl {
        margin-bottom: 0;
      }
      .local-notes ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      @media print {
        :host {
          display: none !important;
        }
      }
    `,
  ];

  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  override render() {
    const { view, tr } = this;
    const danger = view.flags.filter((f) => f.kind === 'danger');
    const others = view.flags.filter((f) => f.kind !== 'danger');
    // The escalation steps follow the last "refused" notice, so they are read after both rules.
    const escalateLast = others.map((f) => f.id).filter((id) => id.startsWith('F-escalate')).pop();
    return html`
      <div class="top">
        <button type="button" class="link-button back" @click=${() => this.fire('rg-back')}>
          ${tr.t('nav.backToAnswers')}
        </button>
      </div>
      <h2 id="heading" tabindex="-1">${tr.t('plan.heading')}</h2>
      <p class="meta">
        ${tr.t('plan.validAsOf', { date: view.validAsOf })}${view.requestDate
          ? html`<br />${tr.t('plan.requestDate', { date: view.requestDate })}`
          : nothing}
      </p>
      <div class="notice disclaimer" part="disclaimer"><p>${view.disclaimer}</p></div>
      <div class="actions toolbar">
        <button type="button" class="button secondary" @click=${() => this.fire('rg-print')}>${tr.t('plan.print')}</button>
        <button type="button" class="button secondary" @click=${() => this.fire('rg-copy')}>${tr.t('plan.copy')}</button>
      </div>
      ${danger.map((f) => this.renderFlag(f))}
      <section aria-labelledby="steps-heading">
        <h3 id="steps-heading">${tr.t('plan.stepsHeading')}</h3>
        ${view.noReferral ? html`<p class="notice">${view.noReferral}</p>` : nothing}
        <ol class="steps">
          ${view.steps.map((s) => this.renderStep(s))}
        </ol>
      </section>
      ${this.renderHandoff()} ${this.renderLocalNotes()}
      ${others.length || view.noRefusal
        ? html`<section aria-labelledby="flags-heading">
            <h3 id="flags-heading">${tr.t('plan.flagsHeading')}</h3>
            ${others.map((f) => this.renderFlag(f, f.id === escalateLast))}
          </section>`
        : nothing}
      ${view.smallPrint.map(
        (f) => html`<p class="small-print"><strong>${f.title}.</strong> ${f.body}</p>`,
      )}
      ${this.renderActions()}
    `;
  }

  private renderStep(step: StepView) {
    const tr = this.tr;
    const headingId = `step-${step.number}`;
    return html`<li class="step" part="step" aria-labelledby=${headingId} data-service=${step.service}>
      <h4 id=${headingId}>
        <span class="num">${tr.t('plan.step', { n: step.number })}</span>${step.name}
      </h4>
      ${step.parallelWith
        ? html`<p class="parallel">${tr.t('plan.parallel', { n: step.parallelWith })}</p>`
        : nothing}
      <p>${step.description}</p>
      ${step.deadline
        ? html`<p class="deadline">${step.deadline}${step.due ? html` – ${step.due}` : nothing}</p>`
        : nothing}
      <dl>
        <dt>${tr.t('plan.responsible')}</dt>
        <dd>${step.authority}</dd>
        <dt>${tr.t('plan.whatNow')}</dt>
        <dd>${step.action}</dd>
        ${step.legalBasis.length
          ? html`<dt>${tr.t('plan.legalBasis')}</dt>
              <dd>${step.legalBasis.join('; ')}</dd>`
          : nothing}
        ${step.confidenceGroups.length
          ? html`<dt>${tr.t('plan.confidence')}</dt>
              <dd>
                ${step.confidenceGroups.map(
                  (g) =>
                    html`<p class="confidence">
                      <span class=${g.tag === 'V' ? 'tag-V' : 'tag-other'}>${g.label}</span>${g.tag === 'V'
                        ? nothing
                        : html`<br /><span class="confidence-rules">${g.rules.join('; ')}</span>`}
                    </p>`,
                )}
              </dd>`
          : nothing}
        ${step.sources.length
          ? html`<dt>${tr.t('plan.sources')}</dt>
              <dd>
                <details class="sources">
                  <summary>${tr.t('plan.sourcesCount', { count: step.sources.length })}</summary>
                  ${this.renderSources(step.sources)}
                </details>
              </dd>`
          : nothing}
      </dl>
      ${this.renderContacts(step.service)}
      <details class="why">
        <summary>${tr.t('plan.why')}</summary>
        ${step.why.length
          ? html`<p>${tr.t('plan.whyIntro')}</p>
              <ul>
                ${step.why.map(
                  (w) =>
                    html`<li>
                      <strong>${w.question}:</strong> ${w.answer}
                      ${w.editable
                        ? html`<button
                            type="button"
                            class="link-button"
                            @click=${() => this.fire('rg-edit', { questionId: w.questionId })}
                          >
                            ${tr.t('plan.change')}<span class="visually-hidden">: ${w.question}</span>
                          </button>`
                        : html`<button
                            type="button"
                            class="link-button"
                            @click=${() => this.fire('rg-edit-detail', { id: w.questionId })}
                          >
                            ${tr.t('plan.change')}<span class="visually-hidden">: ${w.question}</span>
                          </button>`}
                    </li>`,
                )}
              </ul>`
          : html`<p>${tr.t('plan.whyNone')}</p>`}
      </details>
    </li>`;
  }

  private renderSources(sources: SourceView[]) {
    return html`<ul>
      ${sources.map((s) =>
        s.url
          ? html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a></li>`
          : html`<li>${s.title}</li>`,
      )}
    </ul>`;
  }

  private renderFlag(flag: FlagView, withEscalation = false) {
    const tr = this.tr;
    const view = this.view;
    return html`<div class="notice ${flag.kind}" data-flag=${flag.id} role=${flag.kind === 'danger' ? 'alert' : nothing}>
      <h4>${flag.title}</h4>
      <p>${flag.body}</p>
      ${flag.id === 'F-norefusal' && view.noRefusal
        ? html`<h4>${tr.t('plan.noRefusalHeading')}</h4>
            ${view.noRefusal.quotes.map(
              (q) => html`<p class="quote-title">${q.title}</p>
                <blockquote data-rule=${q.ruleId}><p>${q.text}</p></blockquote>`,
            )}
            <p class="flag-meta">${view.noRefusal.source}</p>`
        : nothing}
      ${withEscalation
        ? view.escalation.map(
            (e) => html`<h4>${e.title}</h4>
              <ol>
                ${e.steps.map((s) => html`<li>${s}</li>`)}
              </ol>`,
          )
        : nothing}
      <p class="flag-meta">
        ${tr.t('plan.confidence')}: ${flag.confidence}${flag.sources.length
          ? html` · ${tr.t('plan.sources')}:
              <ul>
                ${flag.sources.map((s) =>
                  s.url
                    ? html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a></li>`
                    : html`<li>${s.title}</li>`,
                )}
              </ul>`
          : nothing}
      </p>
    </div>`;
  }

  /** A text from the host's config, marked with its language when it fell back to another. */
  private localText(t: LocalText) {
    return t.lang ? html`<span lang=${t.lang}>${t.text}</span>` : t.text;
  }

  /** The host's local contacts for a step's service (config), if any. */
  private renderContacts(service: string) {
    const contacts = this.local?.contacts[service as keyof LocalView['contacts']];
    if (!contacts?.length) return nothing;
    const tr = this.tr;
    const municipality = this.local!.municipality;
    const heading = municipality
      ? tr.t('local.contactHeadingIn', { municipality: municipality.text })
      : tr.t('local.contactHeading');
    return contacts.map((c: ContactView) => html`<section class="contact" part="contact" data-contact=${service}>
      <h5>${heading}: ${this.localText(c.name)}</h5>
      ${c.note ? html`<p>${this.localText(c.note)}</p>` : nothing}
      <dl>
        ${c.phone
          ? html`<dt>${tr.t('local.phone')}</dt>
              <dd><a href=${c.phone.href}>${c.phone.text}</a></dd>`
          : nothing}
        ${c.email
          ? html`<dt>${tr.t('local.email')}</dt>
              <dd><a href=${c.email.href}>${c.email.text}</a></dd>`
          : nothing}
        ${c.address
          ? html`<dt>${tr.t('local.address')}</dt>
              <dd>${this.localText(c.address)}</dd>`
          : nothing}
        ${c.openingHours
          ? html`<dt>${tr.t('local.openingHours')}</dt>
              <dd>${this.localText(c.openingHours)}</dd>`
          : nothing}
        ${c.url
          ? html`<dt>${tr.t('local.website')}</dt>
              <dd>
                <a href=${c.url} target="_blank" rel="noopener noreferrer"
                  >${tr.t('local.websiteOf', { name: c.name.text })}</a
                >
              </dd>`
          : nothing}
      </dl>
    </section>`);
  }

  /** Extra notes from the host's config, after the steps. */
  private renderLocalNotes() {
    const local = this.local;
    if (!local?.notes.length) return nothing;
    const tr = this.tr;
    return html`<section class="notice info local-notes" part="local-notes" aria-labelledby="local-notes-heading">
      <h3 id="local-notes-heading">
        ${local.municipality
          ? tr.t('local.notesHeadingIn', { municipality: local.municipality.text })
          : tr.t('local.notesHeading')}
      </h3>
      <ul>
        ${local.notes.map((n) => html`<li>${this.localText(n)}</li>`)}
      </ul>
    </section>`;
  }

  private renderHandoff() {
    if (!this.handoff) return nothing;
    const tr = this.tr;
    const takenOver = this.handoff.regional === 'taken-over';
    return html`<section class="notice" aria-labelledby="handoff-heading" data-handoff=${this.handoff.regional}>
      <h3 id="handoff-heading">${tr.t('plan.handoff.heading')}</h3>
      <p>${tr.t(takenOver ? 'plan.handoff.takenOver' : 'plan.handoff.referred')}</p>
      ${takenOver
        ? nothing
        : html`<button type="button" class="button secondary" @click=${() => this.fire('rg-region-took-over')}>
            ${tr.t('plan.handoff.markTakenOver')}
          </button>`}
    </section>`;
  }

  private renderActions() {
    const tr = this.tr;
    return html`<section class="note-actions" aria-labelledby="actions-heading">
      <h3 id="actions-heading">${tr.t('plan.actionsHeading')}</h3>
      <div class="field">
        <label for="note-lang">${tr.t('plan.noteLanguage')}</label>
        <select id="note-lang" @change=${this.onNoteLang}>
          ${LANGS.map(
            (l) => html`<option value=${l} lang=${l} ?selected=${l === this.noteLang}>${ENDONYMS[l]}</option>`,
          )}
        </select>
      </div>
      <div class="actions">
        <button type="button" class="button" @click=${() => this.fire('rg-print')}>${tr.t('plan.print')}</button>
        <button type="button" class="button secondary" @click=${() => this.fire('rg-copy')}>
          ${tr.t('plan.copy')}
        </button>
        <button type="button" class="link-button" @click=${() => this.fire('rg-restart')}>
          ${tr.t('nav.restart')}
        </button>
      </div>
      <p class="status ${this.copyStatus === 'copied' ? 'ok' : ''}" role="status">
        ${this.copyStatus === 'copied' ? tr.t('plan.copied') : nothing}
      </p>
      ${this.copyStatus === 'failed'
        ? html`<p class="error-message">${tr.t('errors.clipboard')}</p>
            <div class="field wide">
              <label for="copy-text">${tr.t('plan.fallbackText')}</label>
              <textarea id="copy-text" readonly .value=${this.copyText}></textarea>
            </div>`
        : nothing}
    </section>`;
  }

  private onNoteLang(e: Event) {
    this.fire('rg-note-language', { lang: (e.target as HTMLSelectElement).value as Lang });
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}

defineOnce('referral-plan', ReferralPlanElement);

declare global {
  interface HTMLElementTagNameMap {
    'referral-plan': ReferralPlanElement;
  }
}
