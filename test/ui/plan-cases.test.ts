/**
 * The plan a caseworker can act on in one minute (issue 11), for five cases in da, en and kl:
 * actions first (count, order, doors, clocks), the acute block said once, no rule ids or web
 * addresses in the note, the copy confirmation beside its button in a live region, axe, and each
 * details section opened and closed by keyboard.
 */
import { expect } from '@open-wc/testing';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { Details } from '../../machines/index.ts';
import daUi from '../../locales/da/ui.json';
import enUi from '../../locales/en/ui.json';
import klUi from '../../locales/kl/ui.json';
import shelter from '../../src/training/scenarios/greenlandic-shelter-ptsd.json';
import acute from '../../src/training/scenarios/acute-suicidal-then-continue.json';
import psychosis from '../../src/training/scenarios/psychosis-amphetamine-psychiatry-refused.json';
import refugee from '../../src/training/scenarios/refugee-torture-cannabis-clinic-refused.json';
import { activateButton, deepActive, deepText, expectNoSeriousAxe, press, settle, tabTo } from './helpers.ts';
import { openPlan, planRootOf } from './plan-open.ts';

const UI = { da: daUi, en: enUi, kl: klUi } as const;
type Lang = keyof typeof UI;

interface Case {
  name: string;
  answers: unknown;
  details: Details;
  kinds: string[];
  doors: Array<string | null>;
  /** Clock lines per action (in order), as the number of lines. */
  clocks: number[];
}

const CASES: Case[] = [
  {
    name: 'shelter, Greenlandic man drinking, suspected PTSD',
    answers: shelter.answers,
    details: { requestDate: '2026-11-24' },
    kinds: ['substance', 'referral', 'housing', 'interpreter', 'coordination'],
    doors: ['substance-unit', 'regional-referral', 'municipality-social', null, null],
    clocks: [1, 2, 0, 0, 0],
  },
  {
    name: 'acute',
    answers: acute.answers,
    details: {},
    kinds: ['emergency', 'substance', 'referral', 'coordination'],
    doors: ['emergency', 'substance-unit', 'regional-referral', null],
    clocks: [0, 1, 2, 0],
  },
  {
    name: 'psychosis and amphetamine, refused by psychiatry',
    answers: psychosis.answers,
    details: { requestDate: '2026-11-03' },
    kinds: ['substance', 'referral', 'escalate-region', 'coordination'],
    doors: ['substance-unit', 'regional-referral', null, null],
    clocks: [1, 2, 0, 0],
  },
  {
    name: '16-year-old',
    answers: { acute: 'no', age: 'under-18' },
    details: {},
    kinds: ['youth'],
    doors: ['youth'],
    clocks: [0],
  },
  {
    name: 'refugee with torture trauma using cannabis',
    answers: refugee.answers,
    details: {},
    kinds: ['substance', 'referral', 'escalate-region', 'children', 'interpreter', 'coordination'],
    doors: ['substance-unit', 'regional-referral', null, null, null, null],
    clocks: [1, 2, 0, 0, 0, 0],
  },
];

/** Sentences of a text, long enough to be more than a shared phrase. */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 25);

for (const lang of ['da', 'en', 'kl'] as Lang[]) {
  describe(`the plan's actions in ${lang}`, () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const el: ReferralGuide = await openPlan(c.answers, c.details, lang);
        const root = planRootOf(el);
        const ui = UI[lang];

        // Actions first: right under the plan heading, before the note bar and the details.
        const heading = root.querySelector('#heading')!;
        const list = root.querySelector('.actions-now')!;
        expect(heading.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
        expect(list.compareDocumentPosition(root.querySelector('.details')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
        const actions = [...list.querySelectorAll<HTMLElement>(':scope > li')];
        expect(actions.map((a) => a.dataset.kind)).to.deep.equal(c.kinds);
        expect(actions.map((a) => a.dataset.door ?? null)).to.deep.equal(c.doors);
        expect(actions.map((a) => a.querySelectorAll('.clocks li').length)).to.deep.equal(c.clocks);
        actions.forEach((a, i) => expect(a.querySelector('h4')!.textContent!.trim()).to.match(new RegExp(`^${i + 1}\\.`)));

        // The details are collapsed, one per service.
        const details = [...root.querySelectorAll<HTMLDetailsElement>('details')];
        expect(details.filter((d) => d.open)).to.deep.equal([]);
        expect(root.querySelectorAll('details[data-service]').length).to.equal(el.plan!.tracks.length);

        // Each warning once: one home per flag (an action, "keep in mind", a details section, small print).
        const homes = [...root.querySelectorAll<HTMLElement>('[data-flag], [data-flags]')].flatMap((f) =>
          (f.dataset.flag ?? f.dataset.flags!).split(' '),
        );
        for (const flag of el.plan!.flags) expect(homes.filter((h) => h === flag).length, `${flag} shown once`).to.equal(1);

        // No internal rule ids anywhere a caseworker reads (the details' text included).
        const text = deepText(root);
        expect(text).to.not.match(/\bR\d{1,2}\b|NR-[KR]/);

        // The case-file note: short, no addresses, no rule ids; in every language.
        for (const noteLang of ['da', 'en', 'kl'] as Lang[]) {
          const note = el.summaryText(noteLang);
          expect(note).to.not.match(/\bR\d{1,2}\b|NR-|http|www\./);
          expect(note.split('\n').filter((l) => /^\d+\. /.test(l)).length, 'one line per action').to.equal(c.kinds.length);
        }

        // Print and Copy say the note's language; the note defaults to Danish.
        const langName = ui.plan.langName.da;
        expect(root.querySelector('[data-note=print]')!.textContent!.replaceAll('\u00ad', '').trim()).to.equal(ui.plan.print.replace('{{lang}}', langName));
        expect(root.querySelector('[data-note=copy]')!.textContent!.replaceAll('\u00ad', '').trim()).to.equal(ui.plan.copy.replace('{{lang}}', langName));

        if (c.kinds[0] === 'emergency') {
          // The acute warning and the emergency step are one block: none of its sentences elsewhere.
          const block = actions[0];
          expect(block.querySelector('[role=alert]')).to.not.equal(null);
          expect(root.querySelectorAll('[role=alert]').length).to.equal(1);
          const own = sentences(block.textContent!.replace(/\s+/g, ' '));
          expect(own.length).to.be.greaterThan(0);
          const elsewhere = [...actions.slice(1), ...details, ...root.querySelectorAll('.keep-in-mind, .small-print')]
            .map((e) => e.textContent!.replace(/\s+/g, ' '))
            .join(' ');
          for (const s of own) expect(elsewhere, `repeated: ${s}`).to.not.contain(s);
          expect(block.querySelector('a[href="tel:112"]')).to.not.equal(null);
        }
        if (c.kinds.includes('youth')) {
          // One responsible party: the municipality's children and youth counselling, said once.
          expect(text).to.not.contain(el.shadowRoot ? (await import(`../../locales/${lang}/rules.json`)).default.authority.none : '');
        }

        await expectNoSeriousAxe(el, `${lang} ${c.name}`);
      });
    }
  });
}

describe('the answers page before the plan', () => {
  it('asks for no request date when no clock runs from it (16-year-old), and does otherwise', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const { PERSIST_VERSION } = await import('../../src/controllers/persist-controller.ts');
    for (const [name, answers, expected] of [
      ['review-youth', { acute: 'no', age: 'under-18' }, false],
      ['review-shelter', shelter.answers, true],
    ] as const) {
      sessionStorage.setItem(`referral-guide:${location.pathname}#${name}`, JSON.stringify({ version: PERSIST_VERSION, answers, details: {} }));
      const el = await fixture<ReferralGuide>(html`<referral-guide id=${name} persist=${name} lang="en"></referral-guide>`);
      for (let i = 0; i < 200 && el.shadowRoot!.querySelector('[data-screen]')?.getAttribute('data-screen') !== 'review'; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const review = el.shadowRoot!.querySelector('referral-review')!;
      await review.updateComplete;
      expect(review.shadowRoot!.querySelector('#request-date') !== null, JSON.stringify(answers)).to.equal(expected);
      sessionStorage.removeItem(`referral-guide:${location.pathname}#${name}`);
    }
  });
});

describe('the plan by keyboard', () => {
  it('opens and closes every details section with Enter and Space, focus visible', async () => {
    const el = await openPlan(refugee.answers, {}, 'en');
    const root = planRootOf(el);
    const all = [...root.querySelectorAll<HTMLDetailsElement>('details')];
    expect(all.length).to.be.greaterThan(4);
    for (const d of all) {
      const summary = d.querySelector('summary')!;
      await tabTo(el, (e) => e === summary, 120);
      expect(summary.matches(':focus-visible'), 'focus is visible').to.equal(true);
      await press('Enter');
      await settle(el);
      expect(d.open, `Enter opens ${summary.textContent!.trim()}`).to.equal(true);
      await press('Space');
      await settle(el);
      expect(d.open, `Space closes ${summary.textContent!.trim()}`).to.equal(false);
      await press('Space');
      await settle(el);
      expect(d.open).to.equal(true);
    }
    await expectNoSeriousAxe(el, 'plan with every details open');
  });

  it('the refusal action leads to the refusal steps, opened, with focus on them', async () => {
    const el = await openPlan(psychosis.answers, {}, 'da');
    const root = planRootOf(el);
    await activateButton(el, daUi.plan.showRefused);
    const refused = root.querySelector<HTMLDetailsElement>('#refused')!;
    expect(refused.open).to.equal(true);
    expect(deepActive()).to.equal(refused.querySelector('summary'));
  });
});

describe('copy confirmation', () => {
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  });

  for (const lang of ['da', 'en', 'kl'] as Lang[]) {
    it(`is announced beside the Copy button (${lang})`, async () => {
      const written: string[] = [];
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void written.push(text) },
      });
      const el = await openPlan(shelter.answers, { requestDate: '2026-11-24' }, lang);
      const root = planRootOf(el);
      const button = root.querySelector<HTMLButtonElement>('[data-note=copy]')!;
      const status = root.querySelector<HTMLElement>('.copy-group [role=status]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent!.trim(), 'empty before copying').to.equal('');
      expect(button.nextElementSibling, 'the live region is right after the button').to.equal(status);
      await activateButton(el, button.textContent!.trim());
      await settle(el);
      expect(written).to.have.length(1);
      expect(status.textContent!.replaceAll('\u00ad', '').trim()).to.equal(UI[lang].plan.copied); // kl's soft hyphens are invisible
      const b = button.getBoundingClientRect();
      const s = status.getBoundingClientRect();
      // Beside it (same line) or right under it on a narrow screen; never far down the page.
      expect(Math.abs(s.top - b.top) < b.height || (s.top >= b.bottom && s.top - b.bottom < 24), 'next to the button').to.equal(true);
      expect(deepActive(), 'focus stays on the button').to.equal(button);
    });
  }
});
