/**
 * Opens a plan in a test quickly and the way a reload would: the answers go in through the opt-in
 * persistence (`persist`, sessionStorage), then "See the plan" is pressed by keyboard.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { Answers, Details } from '../../machines/index.ts';
import { PERSIST_VERSION } from '../../src/controllers/persist-controller.ts';
import type { ReferralConfig } from '../../src/config/schema.ts';
import koebenhavn from '../../demo/configs/koebenhavn.json';
import { activateButton, screenEl, screenOf, settle } from './helpers.ts';

const { $schema: _schema, ...rest } = koebenhavn as Record<string, unknown>;
export const COPENHAGEN = rest as ReferralConfig;

let n = 0;

export async function openPlan(
  answers: unknown,
  details: Details = {},
  lang = 'da',
  config: ReferralConfig | undefined = COPENHAGEN,
): Promise<ReferralGuide> {
  const id = `plan-case-${++n}`;
  sessionStorage.setItem(`referral-guide:${location.pathname}#${id}`, JSON.stringify({ version: PERSIST_VERSION, answers: answers as Answers, details }));
  const el = await fixture<ReferralGuide>(html`<referral-guide id=${id} persist=${id} lang=${lang} .config=${config}></referral-guide>`);
  for (let i = 0; i < 200 && screenOf(el) !== 'review'; i++) {
    if (screenOf(el) === 'acute') screenEl(el)!.shadowRoot!.querySelector<HTMLButtonElement>('.button')!.click();
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
  }
  const submit = screenEl(el)!.shadowRoot!.querySelector('button[type=submit]')!;
  await activateButton(el, submit.textContent!.trim());
  await settle(el);
  sessionStorage.removeItem(`referral-guide:${location.pathname}#${id}`);
  return el;
}

/** The plan screen's shadow root. */
export const planRootOf = (el: ReferralGuide) => screenEl(el)!.shadowRoot!;
