/**
 * The caseworkers' single file (dist/referral-guide.iife.js) is built without the texts only
 * training mode or a reviewer reads (scripts/vite-plugins.ts). This drives that file through
 * every plan class (test/embed/path-classes.ts), every bundled scenario and the 16-year-old, in
 * da, kl and en, and reads every screen on the way: no text may be missing, which i18next would
 * show as its key (`rules:…`, `service.…`), and no placeholder may be left (`{{…}}`): the build
 * writes the names of locales/names.json into the texts (scripts/vite-plugins.ts `localeData`),
 * and the names must be there, in kl with the Greenlandic ending after the hyphen.
 */
import { expect } from '@open-wc/testing';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { Answers } from '../../machines/index.ts';
import { bundledScenarios as scenarios } from '../../src/training/scenarios/index.ts';
import { addScript, deepText, frame, screenOf, until } from './drive.ts';
import { planClasses } from './path-classes.ts';

/**
 * A key instead of a text: with its namespace (`rules:…`), or a key path of rules.json / ui.json
 * with two segments or more (`service.gp.name`) or a camel-case key (`plan.showRefused`). Screen
 * text is read without spaces between elements, so "en plan.Om" must not count.
 */
const PREFIX =
  '(?:question|service|authority|rule|flag|confidence|noRefusal|escalation|openQuestion|source|noReferral|disclaimer|deadline|emergency|reviewNote|clock|starts|act|plan|note|review|errors|acute|nav|local|live|privacy|failure|widget|language)';
const RAW_KEY = new RegExp(String.raw`\b(?:rules|ui|startup):[a-z]|\b${PREFIX}\.[a-z][\w-]*\.[\w@-]|\b${PREFIX}\.[a-z]+[A-Z]\w*|\b${PREFIX}\.[a-z][\w-]*_(?:one|other)\b`);

const { answers: classes, features } = planClasses(new Date().toISOString().slice(0, 10));
const CASES: Array<{ name: string; answers: Answers }> = [
  ...classes.map((answers, i) => ({ name: `class ${i + 1}`, answers })),
  ...scenarios.map((s) => ({ name: s.id, answers: s.answers as Answers })),
  { name: '16-year-old', answers: { acute: 'no', age: 'under-18' } },
];

/** Answers what the guide asks, continues past the acute screen, confirms; returns each screen's text. */
async function screensOf(guide: ReferralGuide, answers: Answers): Promise<string[]> {
  const CustomEvent = (guide.ownerDocument.defaultView as typeof globalThis).CustomEvent;
  const texts: string[] = [];
  for (let i = 0; i < 40; i++) {
    await guide.updateComplete;
    const screen = await until('a screen', () => screenOf(guide));
    await screen.updateComplete;
    texts.push(deepText(guide.shadowRoot!));
    const kind = screen.dataset.screen;
    if (kind === 'plan') return texts;
    if (kind === 'question') {
      const id = screen.question!.id;
      screen.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: id, value: answers[id] } }));
    } else if (kind === 'acute') screen.dispatchEvent(new CustomEvent('rg-continue'));
    else if (kind === 'review') screen.dispatchEvent(new CustomEvent('rg-confirm'));
    else throw new Error(`unexpected screen ${kind}`);
  }
  throw new Error('the guide never showed the plan');
}

describe('the caseworkers’ single file shows every text it needs', () => {
  it('covers every track kind and warning of the rules with the plan classes', () => {
    expect(features.size).to.be.greaterThan(15);
    expect([...features].some((f) => f.startsWith('flag:'))).to.equal(true);
  });

  it('the key check catches a key', () => {
    expect('Tilbud: rules:service.gp.name').to.match(RAW_KEY);
    expect('service.homelessness-support.variants.at-risk.name').to.match(RAW_KEY);
    expect('plan.showRefused').to.match(RAW_KEY);
    expect('live.review_one').to.match(RAW_KEY);
    expect('Ring 112. Kilder: sst.dk, lave en plan.Om nogen opgaver').to.not.match(RAW_KEY);
  });

  for (const lang of ['da', 'kl', 'en']) {
    it(`in ${lang}: every screen of ${CASES.length} cases, no key or placeholder shown, the names there`, async function () {
      this.timeout(120000);
      const iframe = await frame('/__embed/pages/blank.html');
      const doc = iframe.contentDocument!;
      await addScript(doc, '/__embed/dist/referral-guide.iife.js');
      const problems: string[] = [];
      const plans = new Map<string, string>();
      for (const c of CASES) {
        doc.body.innerHTML = `<referral-guide lang="${lang}"></referral-guide>`;
        const guide = await until('the guide', () => doc.querySelector('referral-guide') as ReferralGuide | null);
        const texts = await screensOf(guide, c.answers);
        expect(texts.at(-1)!.length, `${c.name}: plan text`).to.be.greaterThan(200);
        plans.set(c.name, texts.at(-1)!);
        for (const text of texts) {
          const found = RAW_KEY.exec(text) ?? /\{\{|\}\}/.exec(text);
          if (found) problems.push(`${c.name}: …${text.slice(Math.max(0, found.index - 40), found.index + 60)}…`);
        }
      }
      iframe.remove();
      expect(problems).to.deep.equal([]);
      // Both services refused: the refusal steps name the appeal bodies, from the names table.
      const refused = plans.get('both-services-refused')!;
      expect(refused).to.contain('Styrelsen for Patientklager').and.contain('Ankestyrelsen').and.contain('MitID');
      if (lang === 'kl') expect(refused).to.contain('Ankestyrelsen-imut');
    });
  }
});
