/**
 * One compulsory-admission sentence, used everywhere (referral-rules.md section 6): only a doctor
 * decides it (PSL § 5), the police assist, never the caseworker. Every text in every language that
 * speaks of compulsory admission must say it in exactly the words of `rules:emergency.compulsory`;
 * a second wording anywhere (locales, training texts, scenario notes) fails this test.
 */
import { expect } from '@open-wc/testing';
import daUi from '../locales/da/ui.json';
import enUi from '../locales/en/ui.json';
import klUi from '../locales/kl/ui.json';
import daRules from '../locales/da/rules.json';
import enRules from '../locales/en/rules.json';
import klRules from '../locales/kl/rules.json';
import { trainingResources as training } from '../src/training/i18n.ts';
import { bundledScenarios as scenarios } from '../src/training/scenarios/index.ts';
import { withNames } from './locale-names.ts';

type Lang = 'da' | 'en' | 'kl';
/** The words that name compulsory admission in each language. */
const TERM: Record<Lang, RegExp> = {
  da: /tvangsindl/i,
  en: /compulsor(y|ily) admi/i,
  kl: /pinngitsaaliilluni/i,
};
// As the reader sees them: the names (psykiatriloven) written in, as in the scenarios' notes.
const SENTENCE: Record<Lang, string> = {
  da: withNames((daRules as any).emergency.compulsory),
  en: withNames((enRules as any).emergency.compulsory),
  kl: withNames((klRules as any).emergency.compulsory),
};

function strings(value: unknown, path = '', out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, withNames(value)]);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) if (key !== '_meta') strings(child, path ? `${path}.${key}` : key, out);
  }
  return out;
}

function textsOf(lang: Lang): Array<[string, string]> {
  const ui = { da: daUi, en: enUi, kl: klUi }[lang];
  const rules = { da: daRules, en: enRules, kl: klRules }[lang];
  const out = [...strings(ui, 'ui'), ...strings(rules, 'rules'), ...strings(training[lang], 'training')];
  for (const scenario of scenarios) {
    for (const [path, text] of strings({ title: scenario.title, story: scenario.story, notes: scenario.notes ?? {} })) {
      if (path.endsWith(`.${lang}`)) out.push([`scenario ${scenario.id}.${path}`, text]);
    }
  }
  return out;
}

/** The texts that speak of compulsory admission in words other than the one sentence. */
function otherWordings(lang: Lang, texts = textsOf(lang)): string[] {
  return texts.filter(([, text]) => TERM[lang].test(text.split(SENTENCE[lang]).join(' '))).map(([path]) => path);
}

describe('one compulsory-admission sentence', () => {
  for (const lang of ['da', 'en', 'kl'] as const) {
    it(`${lang}: every mention is the sentence of rules:emergency.compulsory`, () => {
      expect(SENTENCE[lang]).to.match(TERM[lang]);
      expect(SENTENCE[lang]).to.match(/§ 5/);
      expect(otherWordings(lang)).to.deep.equal([]);
    });
  }

  it('says: only a doctor decides, the police assist, never the caseworker', () => {
    expect(SENTENCE.da).to.match(/Kun en læge/).and.match(/politiet hjælper/).and.match(/aldrig sagsbehandlerens/);
    expect(SENTENCE.en).to.match(/Only a doctor/).and.match(/police assist/).and.match(/never the caseworker/);
  });

  it('catches a second wording (the check can fail)', () => {
    const texts: Array<[string, string]> = [
      ['a', `Stop. ${SENTENCE.da}`],
      ['b', 'Tvangsindlæggelse besluttes kun af en læge og politiet.'],
    ];
    expect(otherWordings('da', texts)).to.deep.equal(['b']);
  });
});
