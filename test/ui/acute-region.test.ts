/**
 * The acute screen is region-aware (referral-rules.md section 6): 112 said once, the configured
 * region's psychiatric emergency entry (from the plan data), the generic rule without a region —
 * never another region's number — and the one compulsory-admission sentence. The date comes from
 * the element's `as-of` attribute.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { emergencyPlanOf } from '../../machines/index.ts';
import enRules from '../../locales/en/rules.json';
import daRules from '../../locales/da/rules.json';
import { activateButton, answerByKeyboard, deepText, expectNoSeriousAxe, screenEl, screenOf, settle, walkToReview } from './helpers.ts';
import enUi from '../../locales/en/ui.json';
import { withNames } from '../locale-names.ts';

async function acuteScreen(config: object | undefined, lang = 'en', asOf = '2026-11-29') {
  const el = await fixture<ReferralGuide>(html`<referral-guide lang=${lang} as-of=${asOf} .config=${config}></referral-guide>`);
  await settle(el);
  await answerByKeyboard(el, 'yes');
  await settle(el);
  expect(screenOf(el)).to.equal('acute');
  const root = screenEl(el)!.shadowRoot!;
  return { el, root, text: deepText(root), tels: [...root.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')) };
}

describe('acute screen by region', () => {
  it('Odense (Region Syddanmark): Syddanmark’s entry, no 1813, 112 once', async () => {
    const { el, text, tels } = await acuteScreen({ municipality: { name: 'Odense', code: '461' } });
    expect(tels).to.deep.equal(['tel:112']);
    expect(text).to.contain('Region Syddanmark');
    expect(text).not.to.contain('1813');
    expect(text.match(/112/g)!.length, '112 is said once').to.equal(1);
    expect(emergencyPlanOf(el.snapshot)!.region).to.equal('syddanmark');
  });

  it('Region Hovedstaden: a tel: link for 1813', async () => {
    const { tels, text } = await acuteScreen({ region: 'hovedstaden' });
    expect(tels).to.deep.equal(['tel:112', 'tel:1813']);
    expect(text).to.contain(withNames(enRules.emergency['1813'].text));
  });

  it('Region Sjælland: 1818', async () => {
    const { tels } = await acuteScreen({ region: 'sjaelland' });
    expect(tels).to.deep.equal(['tel:112', 'tel:1818']);
  });

  it('Copenhagen on 2027-01-01: Region Østdanmark, the former Hovedstaden area’s 1813', async () => {
    const { el, tels, text } = await acuteScreen({ municipality: { name: 'København', code: '101' } }, 'en', '2027-01-01');
    expect(tels).to.deep.equal(['tel:112', 'tel:1813']);
    expect(text).to.contain('Region Østdanmark');
    expect(emergencyPlanOf(el.snapshot)!.region).to.equal('oestdanmark');
  });

  it('no region configured: the generic rule, no regional number', async () => {
    const { tels, text } = await acuteScreen(undefined);
    expect(tels).to.deep.equal(['tel:112']);
    expect(text).to.contain(withNames(enRules.emergency.generic.text));
    expect(text).not.to.match(/1813|1818/);
  });

  it('says the one compulsory-admission sentence (Danish)', async () => {
    const { el, text } = await acuteScreen({ region: 'midtjylland' }, 'da');
    expect(text).to.contain(withNames(daRules.emergency.compulsory));
    expect(text.match(/tvangsindlæggelse/gi)!.length).to.equal(1);
    await expectNoSeriousAxe(el, 'acute screen, Midtjylland');
  });
});

describe('the referral date on the review page', () => {
  const DUAL = {
    acute: 'no', age: 'adult', substances: ['drugs'], 'mental-health': 'treatment-requiring', trauma: 'none',
    'psychiatric-admission': 'no', refusal: ['none'], 'current-contacts': ['none'], children: 'no', housing: 'stable',
    language: 'danish', 'missed-appointments': 'no', 'digital-access': 'yes',
  } as const;

  it('starts the region’s 30-day clock: due 30 days after the referral was sent; the kommune’s 14 days from the request', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en" as-of="2026-11-29"></referral-guide>`);
    await settle(el);
    await walkToReview(el, DUAL as never);
    const review = screenEl(el)!.shadowRoot!;
    const field = (id: string) => review.querySelector<HTMLInputElement>(`#${id}`)!;
    expect(field('referral-sent-date'), 'shown: the plan has a regional assessment clock').to.exist;
    field('request-date').value = '2026-11-02';
    field('request-date').dispatchEvent(new Event('input'));
    field('request-date').dispatchEvent(new Event('change'));
    field('referral-sent-date').value = '10.11.2026';
    field('referral-sent-date').dispatchEvent(new Event('input'));
    field('referral-sent-date').dispatchEvent(new Event('change'));
    await settle(el);
    await activateButton(el, enUi.nav.seePlan);
    expect(screenOf(el)).to.equal('plan');
    const byService = Object.fromEntries(el.plan!.tracks.map((t) => [t.service, t.clock]));
    expect(byService['municipal-substance-treatment']).to.deep.include({ due: '2026-11-16', overdue: true });
    expect(byService['regional-psychiatry']).to.deep.include({ startDate: '2026-11-10', due: '2026-12-10', overdue: false });
    expect(byService['integrated-dual-diagnosis']!.due).to.equal(undefined);
    const text = deepText(screenEl(el)!.shadowRoot!);
    expect(text).to.match(/by 10 December 2026/i);
    expect(text, 'a deadline already past is shown as overdue').to.contain('Overdue: the deadline was 16 November 2026');
    expect(text).not.to.match(/by 2 December 2026/i);
  });

  it('is not asked when no step has a regional assessment clock', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await walkToReview(el, { ...DUAL, 'mental-health': 'none' } as never);
    expect(screenEl(el)!.shadowRoot!.querySelector('#referral-sent-date')).to.equal(null);
  });
});
