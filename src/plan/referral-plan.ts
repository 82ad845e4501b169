import { LitElement, html, nothing } from 'lit';
import { defineOnce } from '../define.ts';
import { ENDONYMS, LANGS, type Lang } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import type { LocalView } from '../config/view.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';
import type { PlanView } from './view.ts';
import { FLAGS_IN_ACTIONS, type PlanAction } from './actions.ts';
import { renderActions } from './render-actions.ts';
import { renderDetails } from './render-details.ts';
import { planStyles } from './plan-styles.ts';

/**
 * Where the handover to the region's integrated treatment stands, as far as the caseworker has
 * told the guide: the referral is still to be sent, it was sent (on `sentOn`), or the region has
 * taken over. null when the plan has no handover.
 */
export type Handoff = { stage: 'to-send' } | { stage: 'sent'; sentOn: string } | { stage: 'taken-over' } | null;
export type CopyStatus = 'copied' | 'failed' | null;

/**
 * The plan on screen, in the order a hurried caseworker needs it: the plan heading, then what to
 * do now (numbered actions, one per door, acute first), the case-file note's language and its
 * Print/Copy buttons with the copy confirmation beside them, the handover, the warnings not said
 * by an action (once each), and the details per service, collapsed. Presentational: it renders
 * the actions (src/plan/actions.ts) and the PlanView (src/plan/view.ts) it is given.
 *
 * @fires rg-edit - `detail: { questionId }` from a Change button in "Why?".
 * @fires rg-edit-detail - `detail: { id }` from a Change button on a detail (request date, outpatient).
 * @fires rg-back - back to the answers (the review page).
 * @fires rg-restart - start again.
 * @fires rg-print - print the note.
 * @fires rg-copy - copy the note.
 * @fires rg-note-language - `detail: { lang }` the note's language changed.
 * @fires rg-referral-sent - the caseworker has sent the referral to the region today.
 * @fires rg-region-took-over - the region has taken over the integrated treatment.
 * @csspart action - one action under "What to do now".
 * @csspart step - one service's details.
 */
export class ReferralPlanElement extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
    tr: { attribute: false },
    handoff: { attribute: false },
    local: { attribute: false },
    noteLang: { attribute: false },
    copyStatus: { attribute: false },
    copyText: { attribute: false },
    asOf: { attribute: false },
  };
  declare view: PlanView;
  declare actions: PlanAction[];
  declare tr: Translator;
  declare handoff: Handoff;
  /** The host's local contacts and notes (config), already in the screen's language. */
  declare local: LocalView | null;
  declare noteLang: Lang;
  declare copyStatus: CopyStatus;
  /** The note, shown for manual copying when the clipboard refused. */
  declare copyText: string;
  /** ISO date the plan was worked out for. */
  declare asOf: string;

  constructor() {
    super();
    this.actions = [];
    this.handoff = null;
    this.local = null;
    this.noteLang = 'da';
    this.copyStatus = null;
    this.copyText = '';
    this.asOf = '';
  }

  static override styles = [tokens, shared, planStyles];

  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  override render() {
    const { view, tr } = this;
    if (!view || !tr) return nothing;
    const keep = view.flags.filter((f) => !FLAGS_IN_ACTIONS.has(f.id) && f.id !== 'F-norefusal');
    return html`
      <div class="top">
        <button type="button" class="link-button back" @click=${() => this.fire('rg-back')}>
          ${tr.t('nav.backToAnswers')}
        </button>
      </div>
      <h2 id="heading" tabindex="-1">${tr.t('plan.heading')}</h2>
      <p class="meta" part="disclaimer">
        <strong>${tr.t('note.decisionSupport')}</strong>
        ${this.asOf ? tr.t('plan.asOf', { date: tr.date(this.asOf) }) : nothing}
      </p>
      <section aria-labelledby="now-heading">
        <h3 id="now-heading">${tr.t('plan.nowHeading')}</h3>
        ${view.noReferral ? html`<p class="notice">${view.noReferral}</p>` : nothing}
        ${renderActions(this.actions, tr, this.asOf, { showRefused: () => void this.showRefused() })}
      </section>
      ${this.renderNoteBar()} ${this.renderHandoff()}
      ${keep.length
        ? html`<section class="notice warning keep-in-mind" aria-labelledby="keep-heading">
            <h3 id="keep-heading">${tr.t('plan.keepInMind')}</h3>
            <ul>
              ${keep.map((f) => html`<li data-flag=${f.id}><strong>${f.title}.</strong> ${f.body}</li>`)}
            </ul>
          </section>`
        : nothing}
      ${renderDetails(view, tr, this.local, {
        edit: (questionId) => this.fire('rg-edit', { questionId }),
        editDetail: (id) => this.fire('rg-edit-detail', { id }),
      })}
      <p class="small-print">
        ${view.disclaimer} ${tr.t('plan.validAsOf', { date: view.validAsOf })}.
        ${view.smallPrint.map((f) => html`<br /><span data-flag=${f.id}><strong>${f.title}.</strong> ${f.body}</span>`)}
      </p>
      <p>
        <button type="button" class="link-button" @click=${() => this.fire('rg-restart')}>${tr.t('nav.restart')}</button>
      </p>
    `;
  }

  /** The note's language, Print and Copy (each saying the note's language), the confirmation beside Copy. */
  private renderNoteBar() {
    const tr = this.tr;
    const lang = tr.t(`plan.langName.${this.noteLang}`);
    return html`<section class="note-bar" aria-labelledby="note-heading">
      <h3 id="note-heading">${tr.t('plan.noteHeading')}</h3>
      <div class="field">
        <label for="note-lang">${tr.t('plan.noteLanguage')}</label>
        <select id="note-lang" @change=${this.onNoteLang}>
          ${LANGS.map((l) => html`<option value=${l} lang=${l} ?selected=${l === this.noteLang}>${ENDONYMS[l]}</option>`)}
        </select>
      </div>
      <button type="button" class="button secondary" data-note="print" @click=${() => this.fire('rg-print')}>
        ${tr.t('plan.print', { lang })}
      </button>
      <span class="copy-group">
        <button type="button" class="button secondary" data-note="copy" @click=${() => this.fire('rg-copy')}>
          ${tr.t('plan.copy', { lang })}
        </button>
        <span class="status ${this.copyStatus === 'copied' ? 'ok' : ''}" role="status" aria-live="polite"
          >${this.copyStatus === 'copied' ? tr.t('plan.copied') : nothing}</span
        >
      </span>
      ${this.copyStatus === 'failed'
        ? html`<div class="fallback">
            <p class="error-message">${tr.t('errors.clipboard')}</p>
            <div class="field">
              <label for="copy-text">${tr.t('plan.fallbackText')}</label>
              <textarea id="copy-text" readonly .value=${this.copyText}></textarea>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  private renderHandoff() {
    const handoff = this.handoff;
    if (!handoff) return nothing;
    const tr = this.tr;
    const referral = this.actions.findIndex((a) => a.kind === 'referral') + 1;
    const text =
      handoff.stage === 'taken-over'
        ? tr.t('plan.handoff.takenOver')
        : handoff.stage === 'sent'
          ? tr.t('plan.handoff.sent', { date: tr.date(handoff.sentOn) })
          : tr.t('plan.handoff.toSend', { n: referral || 1 });
    return html`<section class="notice" aria-labelledby="handoff-heading" data-handoff=${handoff.stage}>
      <h3 id="handoff-heading">${tr.t('plan.handoff.heading')}</h3>
      <p>${text}</p>
      ${handoff.stage === 'to-send'
        ? html`<button type="button" class="button secondary" @click=${() => this.fire('rg-referral-sent')}>
            ${tr.t('plan.handoff.markSent')}
          </button>`
        : handoff.stage === 'sent'
          ? html`<button type="button" class="button secondary" @click=${() => this.fire('rg-region-took-over')}>
              ${tr.t('plan.handoff.markTakenOver')}
            </button>`
          : nothing}
    </section>`;
  }

  /** Opens "If someone refuses" and moves focus to its summary. */
  async showRefused() {
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('#refused');
    if (!details) return;
    details.open = true;
    details.querySelector('summary')?.focus();
    details.scrollIntoView?.({ block: 'start' });
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
