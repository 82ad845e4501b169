/**
 * Complete paths through the guide, by keyboard only, in each language: every screen is checked
 * with axe (no serious or critical violation), focus lands on the new heading after each step,
 * progress is announced, and the plan on screen is the machine's plan.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { planOf, referralPlanSchema, type Answers, type ServiceId, type FlagId } from '../../machines/index.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import {
  activateButton,
  deepText,
  expectHeadingFocused,
  expectNoSeriousAxe,
  press,
  screenEl,
  screenOf,
  settle,
  tabTo,
  walkToReview,
} from './helpers.ts';

interface Path {
  name: string;
  answers: Answers;
  /** From referral-rules.md: services and flags this path must produce. */
  services: ServiceId[];
  flags: FlagId[];
}

const PATHS: Path[] = [
  {
    name: 'acute, then dual diagnosis with a psychiatric refusal',
    answers: {
      acute: 'yes',
      age: 'adult',
      substances: ['alcohol', 'drugs'],
      'mental-health': 'treatment-requiring',
      trauma: 'none',
      'psychiatric-admission': 'no',
      refusal: ['psychiatry-refused'],
      'current-contacts': ['none'],
      children: 'no',
      housing: 'shelter',
      language: 'greenlandic',
      'missed-appointments': 'no',
      'digital-access': 'yes',
    },
    services: ['integrated-dual-diagnosis', 'municipal-substance-treatment', 'homelessness-support'],
    flags: ['F-norefusal', 'F-escalate-region', 'F-greenlandic', 'F-coordination'],
  },
  {
    name: 'under 18',
    answers: { acute: 'no', age: 'under-18' },
    services: ['youth-services'],
    flags: [],
  },
  {
    name: 'refugee trauma, mild mental health problems, other language',
    answers: {
      acute: 'no',
      age: 'adult',
      substances: ['none'],
      'mental-health': 'mild',
      trauma: 'diagnosed',
      'trauma-origin': 'abroad-war-torture',
      'psychiatric-admission': 'no',
      refusal: ['none'],
      'current-contacts': ['gp'],
      children: 'pregnant',
      housing: 'stable',
      language: 'other',
      'missed-appointments': 'yes',
      'digital-access': 'no',
    },
    services: ['refugee-trauma-clinic'],
    flags: ['F-children', 'F-interpreter', 'F-outreach', 'F-no-digital'],
  },
];

const LANGS: Lang[] = ['da', 'kl', 'en'];

for (const lang of LANGS) {
  describe(`keyboard-only paths in ${lang}`, () => {
    for (const path of PATHS) {
      it(`walks "${path.name}" to the plan`, async () => {
        const el = await fixture<ReferralGuide>(html`<referral-guide lang=${lang}></referral-guide>`);
        await settle(el);
        const steps: Array<{ questionId: string; index: number }> = [];
        el.addEventListener('referral-step', (e) => steps.push(e.detail));
        let plan: unknown = null;
        el.addEventListener('referral-complete', (e) => (plan = e.detail));

        let screens = 0;
        const asked = await walkToReview(el, path.answers, async (screen, questionId) => {
          screens++;
          if (screens > 1) expectHeadingFocused(el);
          await expectNoSeriousAxe(el, `${lang} ${screen} ${questionId ?? ''}`);
          if (screen === 'question') {
            const live = el.shadowRoot!.querySelector('[data-live]')!.textContent!;
            const progress = screenEl(el)!.shadowRoot!.querySelector('.progress')!.textContent!.trim();
            expect(progress).to.match(/\d+\D+\d+/);
            if (screens > 1) expect(live, 'progress is announced').to.contain(progress.match(/\d+/)![0]);
          }
        });
        expect(asked[0]).to.equal('acute');
        expect(steps.map((s) => s.questionId)).to.deep.equal(asked.slice(1));
        expect(steps.every((s, i) => i === 0 || s.index > 0)).to.equal(true);

        await activateButton(el, el.shadowRoot!.querySelector('referral-review')!.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim());
        expect(screenOf(el)).to.equal('plan');
        expectHeadingFocused(el);

        // The plan on screen is the machine's plan, in the machine's order.
        const machinePlan = planOf(el.snapshot)!;
        expect(plan, 'referral-complete carries the plan').to.deep.equal(machinePlan);
        expect(referralPlanSchema.safeParse(plan).success).to.equal(true);
        const planRoot = screenEl(el)!.shadowRoot!;
        const shown = [...planRoot.querySelectorAll<HTMLElement>('details[data-service]')].map((d) => d.dataset.service);
        expect(shown).to.deep.equal(machinePlan.tracks.map((t) => t.service));
        expect(shown).to.include.members(path.services);
        // Every warning has one home: an action that says it, the "keep in mind" list or the small print.
        const flagsShown = [...planRoot.querySelectorAll<HTMLElement>('[data-flag], [data-flags]')].flatMap((f) =>
          (f.dataset.flag ?? f.dataset.flags!).split(' '),
        );
        expect(flagsShown).to.include.members(path.flags);

        // Every plan says how current its rules are and that it is not a decision.
        const text = deepText(planRoot);
        const rulesNs = await import(`../../locales/${lang}/rules.json`);
        expect(text).to.contain(rulesNs.default.disclaimer.slice(0, 30));
        if (path.flags.includes('F-norefusal')) {
          expect(planRoot.querySelectorAll('blockquote[data-rule]').length).to.equal(2);
          expect(text).to.contain(rulesNs.default.noRefusal['NR-K'].slice(0, 40));
        }

        // Open the first service's details by keyboard and check the expanded plan with axe too.
        await tabTo(el, (e) => e.localName === 'summary' && e.parentElement!.hasAttribute('data-service'));
        await press('Enter');
        await settle(el);
        expect(planRoot.querySelector('details[data-service]')!.hasAttribute('open')).to.equal(true);
        await expectNoSeriousAxe(el, `${lang} plan with Why? open`);
      });
    }
  });
}
