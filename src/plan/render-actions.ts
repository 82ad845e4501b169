/**
 * "What to do now": the numbered actions under the plan heading. Acute first, alone, as the one
 * danger block (the acute warning and the emergency step are the same thing, said once). Each
 * action: who acts, what to ask for, by when, how to reach them. Templates only: what the actions
 * are comes from buildActions (src/plan/actions.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../i18n/translator.ts';
import type { ContactView } from '../config/view.ts';
import { actionText, emergencyLines, type ActionText } from './action-text.ts';
import type { PlanAction } from './actions.ts';

export interface ActionHandlers {
  /** Opens the "If someone refuses" section and moves focus to it. */
  showRefused(): void;
}

function contact(c: ContactView) {
  const name = c.name.lang ? html`<span lang=${c.name.lang}>${c.name.text}</span>` : c.name.text;
  return html`${name}${c.phone ? html`, <a href=${c.phone.href}>${c.phone.text}</a>` : nothing}${c.email
    ? html`, <a href=${c.email.href}>${c.email.text}</a>`
    : nothing}`;
}

function body(action: PlanAction, text: ActionText, tr: Translator, on: ActionHandlers) {
  return html`<p class="ask">
      <span class="who"><span class="label">${tr.t('plan.who')}:</span> ${text.who}.</span> ${text.asks.join(' ')}
    </p>
    ${text.clocks.length
      ? html`<ul class="clocks" aria-label=${tr.t('plan.when')}>
          ${text.clocks.map(
            (c) => html`<li class=${c.overdue ? 'overdue' : ''}>
              ${c.rule}${c.when ? html`: ${c.due ? html`<strong>${c.when}</strong>` : c.when}` : nothing}${c.route
                ? html`<br /><span class="route">${c.route}</span>`
                : nothing}
            </li>`,
          )}
        </ul>`
      : nothing}
    ${text.contacts.length
      ? html`<p class="reach"><span class="label">${tr.t('plan.reach')}:</span> ${text.contacts.map((c, i) => html`${i ? '; ' : ''}${contact(c)}`)}</p>`
      : text.route
        ? html`<p class="reach"><span class="label">${tr.t('plan.reach')}:</span> ${text.route}</p>`
        : nothing}
    ${action.kind.startsWith('escalate')
      ? html`<p><button type="button" class="link-button" @click=${() => on.showRefused()}>${tr.t('plan.showRefused')}</button></p>`
      : nothing}`;
}

/** The emergency action: the acute warning's words, once, with the region's entries. */
function emergency(action: PlanAction, n: number, tr: Translator): TemplateResult {
  const lines = emergencyLines(action, tr);
  return html`<li class="action acute" data-kind="emergency" data-door="emergency" data-flags=${action.flags.join(' ') || nothing} part="action">
    <div class="notice danger" role="alert" aria-labelledby="action-${n}">
      <h4 id="action-${n}"><span class="num">${n}.</span> ${tr.t('rules:flag.F-acute.title')}</h4>
      <ul class="entries">
        ${lines.entries.map(
          (e) => html`<li data-entry=${e.id}>
            ${e.text ?? nothing} ${e.phone ? html`<a href="tel:${e.phone}"><strong>${e.label}</strong></a>` : nothing}
          </li>`,
        )}
      </ul>
      ${lines.compulsory ? html`<p>${lines.compulsory}</p>` : nothing}
    </div>
  </li>`;
}

export function renderActions(actions: PlanAction[], tr: Translator, asOf: string, on: ActionHandlers): TemplateResult {
  return html`<ol class="actions-now">
    ${actions.map((action, i) => {
      const n = i + 1;
      if (action.kind === 'emergency') return emergency(action, n, tr);
      const text = actionText(action, tr, asOf);
      return html`<li
        class="action"
        part="action"
        data-kind=${action.kind}
        data-door=${action.door ?? nothing}
        data-flags=${action.flags.length ? action.flags.join(' ') : nothing}
        aria-labelledby="action-${n}"
      >
        <h4 id="action-${n}"><span class="num">${n}.</span> ${text.title}</h4>
        ${body(action, text, tr, on)}
      </li>`;
    })}
  </ol>`;
}
