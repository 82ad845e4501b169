/**
 * `<referral-guide>` with a host's local configuration: contacts in the plan's steps, notes,
 * the property/attribute layers, and bad or unreachable config (a message in the user's
 * language, a `referral-error` with the issues, national defaults) — plus the plan that leaves
 * the element in `referral-complete`.
 */
import { fixture, html, expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { ReferralErrorEvent, ReferralCompleteEvent } from '../../src/events/index.ts';
import { referralPlanSchema } from '../../machines/index.ts';
import type { ReferralConfig } from '../../src/config/schema.ts';
import propertyConfig from './fixtures/property-config.json';
import { DUAL_HOMELESS, deepText, driveToPlan, nextEvent, screenOf } from './drive.ts';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** A service's details (collapsed) on the plan. */
function stepOf(plan: HTMLElement, service: string): HTMLElement {
  const step = plan.shadowRoot!.querySelector<HTMLElement>(`details[data-service="${service}"]`);
  if (!step) throw new Error(`no step for ${service}`);
  return step;
}

/** The action "what to do now" for a door. */
function actionOf(plan: HTMLElement, door: string): HTMLElement {
  const action = plan.shadowRoot!.querySelector<HTMLElement>(`li.action[data-door="${door}"]`);
  if (!action) throw new Error(`no action for ${door}`);
  return action;
}

function errorBanner(guide: ReferralGuide): HTMLElement | null {
  return guide.shadowRoot!.querySelector<HTMLElement>('[data-error="invalid-config"]');
}

describe('<referral-guide> with a local config', () => {
  it('shows the property config’s contacts in their steps and its notes, in the screen language', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da" .config=${propertyConfig as ReferralConfig}></referral-guide>`);
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    const substance = stepOf(plan, 'municipal-substance-treatment');
    const contact = substance.querySelector<HTMLElement>('[part="contact"]')!;
    expect(deepText(contact)).to.contain('Property-centret');
    // The heading does not repeat the municipality before a name that may already hold it.
    expect(deepText(substance)).to.not.contain('Testkommune: Property-centret');
    expect(contact.querySelector('a[href="tel:+4511111111"]')!.textContent).to.equal('+45 11 11 11 11');
    // The action says how to reach them: the local contact, with its phone.
    const act = actionOf(plan, 'substance-unit');
    expect(deepText(act)).to.contain('Property-centret');
    expect(act.querySelector('a[href="tel:+4511111111"]')).to.not.equal(null);
    expect(deepText(actionOf(plan, 'regional-referral'))).to.contain('Distriktspsykiatrien Test');
    const psychiatry = stepOf(plan, 'regional-psychiatry');
    expect(deepText(psychiatry)).to.contain('Distriktspsykiatrien Test');
    expect(deepText(psychiatry)).to.contain('Hverdage 8-15');
    // A service the config has nothing for shows no contact, and its action the national route.
    expect(stepOf(plan, 'homelessness-support').querySelector('[part="contact"]')).to.equal(null);
    expect(deepText(plan.shadowRoot!.querySelector('[part="local-notes"]')!)).to.contain('Husk samtykke.');

    guide.setAttribute('lang', 'en');
    await guide.updateComplete;
    await (screenOf(guide) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const en = stepOf(screenOf(guide)!, 'regional-psychiatry');
    expect(deepText(en)).to.contain('Test community psychiatry');
    // Opening hours exist only in Danish: shown, and marked as Danish for screen readers.
    expect(en.querySelector('span[lang="da"]')!.textContent).to.equal('Hverdage 8-15');

    const result = await window.axe.run(guide, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => v.id)).to.deep.equal([]);
  });

  it('carries the local contacts into the printed note and the copied note, in the note’s language', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="en" .config=${propertyConfig as ReferralConfig}></referral-guide>`);
    await driveToPlan(guide, DUAL_HOMELESS);
    const summary = guide.summaryText('da');
    expect(summary).to.contain('Kontakt: Property-centret, +45 11 11 11 11');
    expect(summary).to.contain('Distriktspsykiatrien Test, +45 22 22 22 22');
    // The contact stands under its own action, not another one.
    const substanceLine = summary.split('\n').find((l) => l.includes('Property-centret'))!;
    expect(substanceLine).to.match(/^1\. Rusmiddelbehandling/);
    expect(guide.summaryText('en')).to.contain('Test community psychiatry, +45 22 22 22 22');

    const note = guide.shadowRoot!.querySelector('referral-note')!;
    await note.updateComplete;
    const printed = deepText(note.shadowRoot!.querySelector('[part="note"]')!);
    expect(printed).to.contain('Property-centret, +45 11 11 11 11');
  });

  it('loads the config attribute’s file, which wins over the property per service', async () => {
    const guide = await fixture<ReferralGuide>(
      html`<referral-guide lang="da" config="/__embed/configs/odense" .config=${propertyConfig as ReferralConfig}></referral-guide>`,
    );
    await guide.configLoaded;
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    const substance = deepText(stepOf(plan, 'municipal-substance-treatment'));
    expect(substance).to.contain('Behandlingscenter Odense');
    expect(substance).to.not.contain('Property-centret');
    // The file has no regional-psychiatry contact: the property's stays.
    expect(deepText(stepOf(plan, 'regional-psychiatry'))).to.contain('Distriktspsykiatrien Test');
    // The web address is the link's text, not "Website: <name>" after the label "Website".
    const link = stepOf(plan, 'municipal-substance-treatment').querySelector('a[href="https://www.odense.dk/"]')!;
    expect(link.textContent!.trim()).to.equal('odense.dk');
    expect(errorBanner(guide)).to.equal(null);
  });

  it('reports an unreachable file in the user’s language and goes on with national defaults', async () => {
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    const guide = document.createElement('referral-guide');
    guide.setAttribute('lang', 'en');
    guide.setAttribute('config', '/__embed/configs/nowhere');
    const error = nextEvent<ReferralErrorEvent>(wrap, 'referral-error');
    wrap.append(guide);
    const { detail } = await error;
    expect(detail.code).to.equal('invalid-config');
    expect((detail.issues as Array<{ code: string }>)[0].code).to.equal('unreachable');
    expect(detail.message).to.equal(
      'The local configuration file “/__embed/configs/nowhere” could not be loaded, so the guide shows the national information only.',
    );
    await guide.updateComplete;
    expect(errorBanner(guide)!.textContent).to.contain('could not be loaded');
    expect(errorBanner(guide)!.closest('[role="alert"]')).to.not.equal(null);
    // The guide still works: the first question is there and takes an answer.
    expect(screenOf(guide)!.dataset.screen).to.equal('question');
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    expect(plan.shadowRoot!.querySelector('[part="contact"]')).to.equal(null);
    // The message follows the language switch.
    guide.setAttribute('lang', 'da');
    await guide.updateComplete;
    expect(errorBanner(guide)!.textContent).to.contain('kunne ikke hentes');
  });

  it('names the bad fields of an invalid file and keeps the valid property layer', async () => {
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    const guide = document.createElement('referral-guide');
    guide.setAttribute('lang', 'da');
    guide.setAttribute('config', '/__embed/configs/broken-config');
    guide.config = propertyConfig as ReferralConfig;
    const error = nextEvent<ReferralErrorEvent>(wrap, 'referral-error');
    wrap.append(guide);
    const { detail } = await error;
    const paths = (detail.issues as Array<{ path: unknown[] }>).map((i) => i.path.join('.'));
    expect(paths).to.have.members(['region', 'contacts.municipal-substance-treatment.0.phone']);
    expect(detail.message).to.contain('»region« skal være en af');
    expect(detail.message).to.contain('»contacts.municipal-substance-treatment[0].phone« er ikke en gyldig');
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    expect(deepText(stepOf(plan, 'municipal-substance-treatment'))).to.contain('Property-centret');
  });

  it('refuses an invalid config property with a referral-error, and a later valid one clears nothing else', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><referral-guide lang="en"></referral-guide></div>`);
    const guide = wrap.querySelector('referral-guide')!;
    await guide.updateComplete;
    const error = nextEvent<ReferralErrorEvent>(wrap, 'referral-error');
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    let detail: ReferralErrorEvent['detail'];
    try {
      guide.config = { contacts: { gp: [{ name: '' }] }, notes: 'not a list' } as unknown as ReferralConfig;
      ({ detail } = await error);
    } finally {
      console.warn = warn;
    }
    expect(detail.code).to.equal('invalid-config');
    expect(detail.message).to.contain('“contacts.gp[0].name” is empty or too short.');
    expect(detail.message).to.contain('“notes” should be a list ([ … ]).');
    // The caseworker reads one plain sentence; the field-by-field detail is the editor's: in the
    // event, in the console and behind a closed toggle.
    await guide.updateComplete;
    const banner = errorBanner(guide)!;
    expect(banner.querySelector('[data-error-plain]')!.textContent!.trim()).to.equal(
      'The local contact details could not be loaded. The guide shows the national information.',
    );
    const toggle = banner.querySelector('details')!;
    expect(toggle.open, 'closed until the editor opens it').to.equal(false);
    expect(toggle.querySelector('summary')!.textContent!.trim()).to.equal('Details for the editor');
    expect(toggle.querySelector('[data-error-details]')!.textContent!.trim()).to.equal(detail.message);
    expect(warned.map((args) => String(args[0]))).to.deep.equal([`referral-guide: ${detail.message}`]);
    guide.config = propertyConfig as ReferralConfig;
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    expect(deepText(stepOf(plan, 'municipal-substance-treatment'))).to.contain('Property-centret');
  });
});

describe('<referral-guide> referral-complete', () => {
  it('sends a plan that passes the plan schema, as a copy the host cannot change the widget through', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><referral-guide lang="da"></referral-guide></div>`);
    const guide = wrap.querySelector('referral-guide')!;
    const complete = nextEvent<ReferralCompleteEvent>(wrap, 'referral-complete');
    await driveToPlan(guide, DUAL_HOMELESS);
    const { detail, bubbles, composed } = await complete;
    expect(bubbles && composed).to.equal(true);
    expect(referralPlanSchema.safeParse(detail).success).to.equal(true);
    expect(detail.tracks.map((t) => t.service)).to.include('municipal-substance-treatment');
    detail.tracks.length = 0;
    expect(guide.plan!.tracks.length).to.be.greaterThan(0);
  });
});
