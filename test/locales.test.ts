/**
 * Locale parity for both namespaces: the same keys in da, en and kl (ignoring `_meta`), no
 * empty strings, the same {{placeholders}} of the call site, every string really translated, and
 * every key that `_meta.needsReview` marks for a certified interpreter actually exists. (Names
 * from locales/names.json may differ: English may say a name in English where da and kl keep the
 * Danish one; test/names.test.ts checks those.)
 */
import { expect } from '@open-wc/testing';
import daUi from '../locales/da/ui.json';
import enUi from '../locales/en/ui.json';
import klUi from '../locales/kl/ui.json';
import daRules from '../locales/da/rules.json';
import enRules from '../locales/en/rules.json';
import klRules from '../locales/kl/rules.json';
import { trainingResources as training } from '../src/training/i18n.ts';
import daStartup from '../locales/da/startup.json';
import enStartup from '../locales/en/startup.json';
import klStartup from '../locales/kl/startup.json';
import { nameOf } from '../src/i18n/names.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const LANGS = ['da', 'en', 'kl'] as const;
const namespaces: Record<string, Record<(typeof LANGS)[number], Json>> = {
  ui: { da: daUi as Json, en: enUi as Json, kl: klUi as Json },
  rules: { da: daRules as Json, en: enRules as Json, kl: klRules as Json },
  training: { da: training.da as Json, en: training.en as Json, kl: training.kl as Json },
  // What the guide says when the page stops it from starting (src/startup-texts.ts).
  startup: { da: daStartup as Json, en: enStartup as Json, kl: klStartup as Json },
};

/** Leaf strings by dotted path (array items as `.0`, `.1`), `_meta` left out. */
function flatten(value: Json, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (prefix === '' && key === '_meta') continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** What is left of a string once placeholders, numbers, § signs and punctuation are gone. */
const words = (s: string) => s.replace(/\{\{[^}]+\}\}/g, '').replace(/[\d§.,:;()\-–«»“”"'/\s]+/g, '');
/** A call site's placeholders in a string (the names of locales/names.json left out). */
const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)]
    .map((m) => m[1])
    .filter((key) => nameOf(key) === undefined)
    .sort();

for (const [ns, byLang] of Object.entries(namespaces)) {
  describe(`locales: ${ns} namespace`, () => {
    const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(byLang[l])])) as Record<
      (typeof LANGS)[number],
      Map<string, Json>
    >;

    it('has the same keys in da, en and kl', () => {
      const da = [...flat.da.keys()].sort();
      expect(da.length).to.be.greaterThan(ns === 'startup' ? 4 : 10);
      expect([...flat.en.keys()].sort()).to.deep.equal(da);
      expect([...flat.kl.keys()].sort()).to.deep.equal(da);
    });

    it('has no empty or non-string values', () => {
      for (const lang of LANGS) {
        for (const [key, value] of flat[lang]) {
          expect(typeof value, `${lang}:${ns}:${key}`).to.equal('string');
          expect((value as string).trim(), `${lang}:${ns}:${key} is empty`).to.not.equal('');
        }
      }
    });

    it('uses the same call-site {{placeholders}} in every language', () => {
      for (const [key, da] of flat.da) {
        for (const lang of ['en', 'kl'] as const) {
          expect(placeholders(flat[lang].get(key) as string), `${lang}:${ns}:${key}`).to.deep.equal(
            placeholders(da as string),
          );
        }
      }
    });

    it('translates every string (no copy of another language left behind)', () => {
      for (const [key, da] of flat.da) {
        const en = flat.en.get(key) as string;
        const kl = flat.kl.get(key) as string;
        if (words(da as string) === '') continue; // nothing to translate, e.g. "»{{text}}«"
        expect(kl, `kl:${ns}:${key} is the Danish text`).to.not.equal(da);
        expect(kl, `kl:${ns}:${key} is the English text`).to.not.equal(en);
        expect(en, `en:${ns}:${key} is the Danish text`).to.not.equal(da);
      }
    });

    it('marks review needs only on keys that exist', () => {
      for (const lang of LANGS) {
        const meta = (byLang[lang] as { _meta?: { needsReview?: Record<string, string> } })._meta;
        expect(meta, `${lang}:${ns} has _meta`).to.be.an('object');
        const review = meta!.needsReview ?? {};
        expect(review).to.be.an('object');
        for (const [key, reason] of Object.entries(review)) {
          expect(flat[lang].has(key), `${lang}:${ns} needsReview names a missing key "${key}"`).to.equal(true);
          expect(String(reason).trim(), `${lang}:${ns} needsReview "${key}" gives no reason`).to.not.equal('');
        }
      }
    });

    it('has both plural forms wherever one is used', () => {
      for (const key of flat.da.keys()) {
        if (key.endsWith('_one')) expect(flat.da.has(key.replace(/_one$/, '_other')), key).to.equal(true);
      }
    });
  });
}

describe('locales: Greenlandic credits and review marks', () => {
  it('credits Oqaasileriffik in the kl data and marks kl strings for interpreter review', () => {
    for (const data of [klUi, klRules, klStartup] as Array<{ _meta: { needsReview: Record<string, string> } & Record<string, unknown> }>) {
      expect(JSON.stringify(data._meta)).to.contain('Oqaasileriffik');
      expect(Object.keys(data._meta.needsReview).length).to.be.greaterThan(0);
    }
  });
});
