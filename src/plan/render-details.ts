/**
 * The details below the actions, each collapsed (<details>): per service the responsible
 * authority, the legal basis with SUL/SEL/PSL spelled out on first use, confidence in plain
 * words, what to check locally, the local contact in full, sources and "Why?"; then the refusal
 * steps, the no-refusal rules quoted, and the host's local notes. Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../i18n/translator.ts';
import type { ContactView, LocalText, LocalView } from '../config/view.ts';
import { spellOut } from './action-text.ts';
import type { PlanView, SourceView, StepView } from './view.ts';

export interface DetailHandlers {
  edit(questionId: string): void;
  editDetail(id: string): void;
}

const localText = (t: LocalText) => (t.lang ? html`<span lang=${t.lang}>${t.text}</span>` : t.text);

/** A web address as its reader would say it: the host and path, without the scheme. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

function contactDetail(c: ContactView, tr: Translator) {
  return html`<div class="contact" part="contact">
    <p class="contact-name">${localText(c.name)}</p>
    <dl>
      ${c.phone ? html`<dt>${tr.t('local.phone')}</dt><dd><a href=${c.phone.href}>${c.phone.text}</a></dd>` : nothing}
      ${c.email ? html`<dt>${tr.t('local.email')}</dt><dd><a href=${c.email.href}>${c.email.text}</a></dd>` : nothing}
      ${c.address ? html`<dt>${tr.t('local.address')}</dt><dd>${localText(c.address)}</dd>` : nothing}
      ${c.openingHours ? html`<dt>${tr.t('local.openingHours')}</dt><dd>${localText(c.openingHours)}</dd>` : nothing}
      ${c.url
        ? html`<dt>${tr.t('local.website')}</dt>
            <dd><a href=${c.url} target="_blank" rel="noopener noreferrer">${shortUrl(c.url)}</a></dd>`
        : nothing}
    </dl>
    ${c.note ? html`<p class="contact-note">${localText(c.note)}</p>` : nothing}
  </div>`;
}

function sources(list: SourceView[]) {
  return html`<ul>
    ${list.map((s) =>
      s.url ? html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a></li>` : html`<li>${s.title}</li>`,
    )}
  </ul>`;
}

function step(s: StepView, tr: Translator, local: LocalView | null, seen: Set<string>, on: DetailHandlers) {
  const contacts = local?.contacts[s.service as keyof LocalView['contacts']] ?? [];
  return html`<details class="service" data-service=${s.service} part="step">
    <summary>${s.service === 'emergency' ? s.name : tr.t('plan.detailSummary', { name: s.name, authority: s.authority })}</summary>
    <div class="detail-body">
      <dl>
        <dt>${tr.t('plan.responsible')}</dt>
        <dd>${s.authority}</dd>
        ${s.legalBasis.length
          ? html`<dt>${tr.t('plan.legalBasis')}</dt>
              <dd>${spellOut(s.legalBasis, tr, seen).join('; ')}</dd>`
          : nothing}
        ${s.confidenceGroups.length
          ? html`<dt>${tr.t('plan.confidence')}</dt>
              <dd>
                ${s.confidenceGroups.map(
                  (g) => html`<p class="confidence"><span class=${g.tag === 'V' ? 'tag-V' : 'tag-other'}>${g.label}.</span> ${g.description}</p>`,
                )}
              </dd>`
          : nothing}
        ${s.checkLocally.length
          ? html`<dt>${tr.t('plan.checkLocally')}</dt>
              <dd><ul>${s.checkLocally.map((c) => html`<li>${c}</li>`)}</ul></dd>`
          : nothing}
        ${contacts.length
          ? html`<dt>${tr.t('local.contactHeading')}</dt>
              <dd>${contacts.map((c) => contactDetail(c, tr))}</dd>`
          : nothing}
        ${s.sources.length
          ? html`<dt>${tr.t('plan.sources')}</dt>
              <dd>${sources(s.sources)}</dd>`
          : nothing}
        <dt>${tr.t('plan.why')}</dt>
        <dd>
          ${s.why.length
            ? html`<ul class="why">
                ${s.why.map(
                  (w) => html`<li>
                    ${w.question}: <strong>${w.answer}</strong>
                    <button
                      type="button"
                      class="link-button"
                      @click=${() => (w.editable ? on.edit(w.questionId) : on.editDetail(w.questionId))}
                    >
                      ${tr.t('plan.change')}<span class="visually-hidden">: ${w.question}</span>
                    </button>
                  </li>`,
                )}
              </ul>`
            : tr.t('plan.whyNone')}
        </dd>
      </dl>
    </div>
  </details>`;
}

/** Per service, then the refusal steps, the no-refusal rules and the local notes. */
export function renderDetails(view: PlanView, tr: Translator, local: LocalView | null, on: DetailHandlers): TemplateResult {
  const seen = new Set<string>();
  return html`<section aria-labelledby="details-heading" class="details">
    <h3 id="details-heading">${tr.t('plan.detailsHeading')}</h3>
    ${view.steps.map((s) => step(s, tr, local, seen, on))}
    ${view.escalation.length
      ? html`<details class="service" id="refused" data-section="refused">
          <summary>${tr.t('plan.refusedHeading')}</summary>
          <div class="detail-body">
            ${view.escalation.map(
              (e) => html`<h4>${e.title}</h4>
                <ol>
                  ${e.steps.map((x) => html`<li>${x}</li>`)}
                </ol>`,
            )}
          </div>
        </details>`
      : nothing}
    ${view.noRefusal
      ? html`<details class="service" data-section="no-refusal" data-flag="F-norefusal">
          <summary>${tr.t('plan.noRefusalHeading')}</summary>
          <div class="detail-body">
            ${view.noRefusal.quotes.map(
              (q) => html`<p class="quote-title">${q.title}</p>
                <blockquote data-rule=${q.ruleId}><p>${q.text}</p></blockquote>`,
            )}
            <p class="muted">${view.noRefusal.source}</p>
          </div>
        </details>`
      : nothing}
    ${local?.notes.length
      ? html`<details class="service" data-section="local-notes" part="local-notes">
          <summary>
            ${local.municipality
              ? tr.t('local.notesHeadingIn', { municipality: local.municipality.text })
              : tr.t('local.notesHeading')}
          </summary>
          <div class="detail-body">
            <ul>
              ${local.notes.map((n) => html`<li>${localText(n)}</li>`)}
            </ul>
          </div>
        </details>`
      : nothing}
  </section>`;
}
