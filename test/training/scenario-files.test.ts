/**
 * Trainers' own scenario files: malformed files are refused with a message in the user's language
 * that names the field at fault (the shared src/errors.ts wording), and share links round-trip.
 */
import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { describeInputError, InputError } from '../../src/errors.ts';
import { resources } from '../../src/i18n/resources.ts';
import { makeTranslator, type Translator } from '../../src/i18n/translator.ts';
import { addTrainingBundles } from '../../src/training/i18n.ts';
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../src/training/scenario-source.ts';
import { bundledScenarios } from '../../src/training/scenarios/index.ts';
import { decodeScenario, encodeScenario, payloadFromHash, shareUrl } from '../../src/training/share.ts';
import { names } from '../../src/i18n/names.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'da', fallbackLng: 'da', ns: ['ui', 'rules'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false, defaultVariables: names } });
addTrainingBundles(i18n);
const tr: Record<'da' | 'en', Translator> = { da: makeTranslator(i18n, 'da'), en: makeTranslator(i18n, 'en') };

const valid = bundledScenarios.find((s) => s.id === 'mother-alcohol-two-children')!;
const clone = () => JSON.parse(JSON.stringify(valid)) as Record<string, any>;

function refusal(text: string): InputError {
  try {
    parseScenarioText(text);
  } catch (e) {
    expect(e).to.be.instanceOf(InputError);
    return e as InputError;
  }
  throw new Error('the scenario was accepted');
}

const message = (error: InputError, lang: 'da' | 'en') => describeInputError(error, (k, o) => tr[lang].t(k, o));

interface Case {
  name: string;
  text: () => string;
  /** The field the message must name (as written in the file), or null for whole-file problems. */
  field: string | null;
  /** A phrase each language's message must contain (the kind of problem, in that language). */
  da: string;
  en: string;
}

const cases: Case[] = [
  { name: 'not JSON at all', text: () => '{ "id": "x", title: }', field: null, da: 'ikke gyldig JSON', en: 'not valid JSON' },
  {
    name: 'a missing title',
    text: () => {
      const s = clone();
      delete s.title;
      return JSON.stringify(s);
    },
    field: 'title',
    da: 'mangler',
    en: 'is missing',
  },
  {
    name: 'a missing English story',
    text: () => {
      const s = clone();
      delete s.story.en;
      return JSON.stringify(s);
    },
    field: 'story.en',
    da: 'mangler',
    en: 'is missing',
  },
  {
    name: 'an answer that is not one of the options',
    text: () => JSON.stringify({ ...clone(), answers: { ...valid.answers, housing: 'castle' } }),
    field: 'answers.housing',
    da: 'skal være en af',
    en: 'must be one of',
  },
  {
    name: 'an answer to a question that does not exist',
    text: () => JSON.stringify({ ...clone(), answers: { ...valid.answers, 'housing-status': 'stable' } }),
    field: 'answers',
    da: 'housing-status',
    en: 'housing-status',
  },
  {
    name: 'an id with spaces and capitals',
    text: () => JSON.stringify({ ...clone(), id: 'Mother and two children' }),
    field: 'id',
    da: 'er ikke en gyldig',
    en: 'is not a valid',
  },
  {
    name: 'an unknown service in the expected plan',
    text: () => JSON.stringify({ ...clone(), expected: { services: ['municipal-substance-treatment', 'psychiatry'], flags: [] } }),
    field: 'expected.services[1]',
    da: 'skal være en af',
    en: 'must be one of',
  },
  {
    name: 'a note given as plain text instead of one per language',
    text: () => JSON.stringify({ ...clone(), notes: { acute: 'Discuss the acute question' } }),
    field: 'notes.acute',
    da: 'skal være en gruppe af felter',
    en: 'should be a group of fields',
  },
  {
    name: 'an empty Danish title',
    text: () => JSON.stringify({ ...clone(), title: { ...valid.title, da: '' } }),
    field: 'title.da',
    da: 'tom eller for kort',
    en: 'empty or too short',
  },
  {
    name: 'an unknown top-level field (personal data does not belong in a scenario)',
    text: () => JSON.stringify({ ...clone(), cpr: '010190-1234' }),
    field: null,
    da: 'cpr',
    en: 'cpr',
  },
  {
    name: 'a file far larger than any scenario',
    text: () => JSON.stringify({ ...clone(), padding: 'x'.repeat(MAX_SCENARIO_BYTES) }),
    field: null,
    da: 'for stor',
    en: 'too large',
  },
];

describe('training: malformed scenario files', () => {
  it('accepts a bundled scenario as a file', () => {
    expect(parseScenarioText(JSON.stringify(valid)).id).to.equal(valid.id);
  });

  for (const c of cases) {
    it(`refuses ${c.name}, naming the field in Danish and English`, () => {
      const error = refusal(c.text());
      expect(error.code).to.equal('invalid-scenario');
      const da = message(error, 'da');
      const en = message(error, 'en');
      expect(da, 'da').to.contain(c.da);
      expect(en, 'en').to.contain(c.en);
      expect(da).to.not.equal(en);
      if (c.field) {
        expect(da, 'da names the field').to.contain(`»${c.field}«`);
        expect(en, 'en names the field').to.contain(`“${c.field}”`);
        expect(error.issues.length).to.be.greaterThan(0);
      }
      // Nothing left untranslated: no i18next key shows through.
      expect(da).to.not.match(/\b(training|errors)\.[a-z]/);
      expect(en).to.not.match(/\b(training|errors)\.[a-z]/);
    });
  }
});

describe('training: share links', () => {
  it('round-trips a scenario through the URL fragment, compressed', async () => {
    const payload = await encodeScenario(valid);
    expect(payload[0]).to.equal('z');
    expect(payload).to.match(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).to.be.lessThan(JSON.stringify(valid).length);
    expect(await decodeScenario(payload)).to.deep.equal(valid);
    const url = await shareUrl(valid, 'https://intranet.example/training/?x=1#old');
    expect(url.startsWith('https://intranet.example/training/?x=1#scenario=')).to.equal(true);
    expect(payloadFromHash(new URL(url).hash)).to.equal(payload);
    expect(payloadFromHash('#foo=1&scenario=abc')).to.equal('abc');
    expect(payloadFromHash('#other')).to.equal(null);
  });

  it('refuses a damaged link in the user’s language, and an intact link to an invalid scenario by field', async () => {
    const payload = await encodeScenario(valid);
    const damaged = await decodeScenario(payload.slice(0, payload.length / 2) + '!!').catch((e) => e);
    expect(damaged).to.be.instanceOf(InputError);
    expect(message(damaged, 'en')).to.contain('damaged');
    expect(message(damaged, 'da')).to.contain('beskadiget');

    const bytes = new TextEncoder().encode(JSON.stringify({ ...clone(), id: '' }));
    const plain = 'j' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const invalid = await decodeScenario(plain).catch((e) => e);
    expect(invalid).to.be.instanceOf(InputError);
    expect(message(invalid, 'en')).to.contain('“id”');
  });

  it('stops inflating a crafted link at the size limit', async () => {
    const huge = { ...clone(), story: { da: 'a'.repeat(MAX_SCENARIO_BYTES * 3), en: 'b' } } as never;
    const payload = await encodeScenario(huge);
    expect(payload.length).to.be.lessThan(MAX_SCENARIO_BYTES); // compresses well…
    const error = await decodeScenario(payload).catch((e) => e);
    expect(error).to.be.instanceOf(InputError); // …but is refused while inflating
    expect(error.issues[0].message).to.contain('too large');
  });
});
