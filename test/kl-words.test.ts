/**
 * Greenlandic words without the analyser (that is `npm run kl:check`, a development tool): the
 * reviewed allow-list is well-formed and every entry is still used, no kl text holds a Danish
 * month name, and names kept in Danish take their Greenlandic ending after a hyphen
 * (locales/GLOSSARY.md): `{{RegionHovedstaden}}-imi` for a name of locales/names.json,
 * `lægevagt-imut` for a Danish word on the allow-list.
 */
import { expect } from '@open-wc/testing';
import klUi from '../locales/kl/ui.json';
import klRules from '../locales/kl/rules.json';
import klTraining from '../locales/kl/training.json';
import klStartup from '../locales/kl/startup.json';
import allowList from '../locales/kl-allowlist.json';
import { bundledScenarios } from '../src/training/scenarios/index.ts';
import i18next from 'i18next';
import { SOFT_HYPHEN, softHyphens, withoutSoftHyphens } from '../src/i18n/hyphenate.ts';
import { resources } from '../src/i18n/resources.ts';
import { makeTranslator } from '../src/i18n/translator.ts';
import { makeFirstTranslator } from '../src/i18n/first-translator.ts';
import { names } from '../src/i18n/names.ts';

interface Entry {
  word: string;
  reason: string;
  note: string;
}
const list = allowList as { reasons: Record<string, string>; words: Entry[] };

/** Every kl text a reader sees: locale strings (without `_meta`) and the scenarios' kl fields. */
function klTexts(): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  const walk = (node: unknown, where: string, klOnly: boolean) => {
    if (typeof node === 'string') {
      if (!klOnly || /(^|\.)kl(\.|$)/.test(where)) out.push({ where, text: node });
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${where}.${i}`, klOnly));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '_meta' || (klOnly && k === 'needsReview')) continue;
        walk(v, where ? `${where}.${k}` : k, klOnly);
      }
    }
  };
  walk(klUi, 'ui', false);
  walk(klRules, 'rules', false);
  walk(klTraining, 'training', false);
  walk(klStartup, 'startup', false);
  for (const s of bundledScenarios) walk(s, `scenario:${s.id}`, true);
  return out;
}

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const texts = klTexts();
const tokens = texts.flatMap(({ where, text }) =>
  (text.replace(/\{\{[^{}]*\}\}/g, '0').match(TOKEN) ?? []).map((token) => ({ where, token })),
);

describe('Greenlandic words (kl)', () => {
  it('reads a real amount of kl text', () => {
    expect(texts.length).to.be.greaterThan(400);
    expect(tokens.length).to.be.greaterThan(2500);
  });

  it('lists each allow-listed word once, with a declared reason and a note', () => {
    const seen = new Set<string>();
    expect(list.words.length).to.be.greaterThan(10);
    for (const e of list.words) {
      expect(e.word, JSON.stringify(e)).to.match(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u);
      expect(seen.has(e.word.toLowerCase()), `${e.word} is listed twice`).to.equal(false);
      seen.add(e.word.toLowerCase());
      expect(Object.keys(list.reasons), `${e.word}: reason "${e.reason}"`).to.include(e.reason);
      expect(e.note.trim(), `${e.word} has no note`).to.not.equal('');
    }
  });

  it('lists only words some kl text still uses (alone or as a name before a hyphen ending)', () => {
    const used = new Set<string>();
    for (const { token } of tokens) {
      const parts = token.toLowerCase().split('-');
      for (let i = 1; i <= parts.length; i++) used.add(parts.slice(0, i).join('-'));
    }
    const stale = list.words.filter((e) => !used.has(e.word.toLowerCase())).map((e) => e.word);
    expect(stale, 'allow-list words no kl text uses').to.deep.equal([]);
  });

  it('has no Danish month name in any kl text', () => {
    const danishMonth = /^(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)$/i;
    const found = tokens.filter(({ token }) => token.split('-').some((p) => danishMonth.test(p)));
    expect(found.map((f) => `${f.where}: ${f.token}`)).to.deep.equal([]);
  });

  it('puts the Greenlandic ending after a hyphen on names kept in Danish (Hovedstaden-imi, not Hovedstadenimi)', () => {
    const allowed = new Set(list.words.map((e) => e.word.toLowerCase()));
    const names = list.words.filter((e) => e.reason === 'name' && e.word.length >= 4).map((e) => e.word);
    // a source's Danish title quoted «…» is Danish as a whole (Regionsloven), not a name with an ending
    const unquoted = texts.flatMap(({ where, text }) =>
      ((where.startsWith('rules.source.') ? text.replace(/«[^»]*»/g, ' ') : text).replace(/\{\{[^{}]*\}\}/g, '0').match(TOKEN) ?? []).map(
        (token) => ({ where, token }),
      ),
    );
    const fused = unquoted.filter(({ token }) => {
      const head = token.split('-')[0];
      if (allowed.has(head.toLowerCase())) return false; // a listed word of its own (regionip is the loan)
      return names.some((n) => head.startsWith(n) && head.length > n.length);
    });
    expect(fused.map((f) => `${f.where}: ${f.token}`)).to.deep.equal([]);
    // a name of the table (locales/names.json) takes its ending after a hyphen too: {{X}}-imi, never {{X}}imi
    const fusedOnTable = texts.filter(({ text }) => /\}\}\p{L}/u.test(text)).map(({ where, text }) => `${where}: ${text}`);
    expect(fusedOnTable).to.deep.equal([]);
    // the rule is in force where it matters most
    const klRaw = texts.map((t) => t.text).join('\n');
    expect(klRaw).to.contain('{{RegionHovedstaden}}-imi');
    expect(klRaw).to.contain('{{Patientklager}}-imut');
    expect(tokens.map((t) => t.token)).to.not.include('Hovedstadenimi');
  });
});

describe('Greenlandic break points (soft hyphens)', () => {
  const shown = (text: string) => softHyphens(text).replaceAll(SOFT_HYPHEN, '|');

  it('breaks long kl words at their syllables, never within three letters of an end', () => {
    expect(shown('Navianartorsiorneq')).to.equal('Navia|nar|tor|sior|neq');
    expect(shown('Itigartitsineq')).to.equal('Iti|gar|tit|si|neq');
    expect(shown('aanngajaarniutinik')).to.equal('aan|nga|jaar|niu|ti|nik'); // ng is one consonant
    expect(shown('Ukiui Oqaatsit')).to.equal('Ukiui Oqaatsit'); // short words stay whole
  });

  it('leaves Danish names, URLs and file names whole', () => {
    expect(shown('Sundhedsstyrelsen Region Hovedstaden-imi')).to.equal('Sundhedsstyrelsen Region Hovedstaden-imi');
    expect(shown('Styrelsen for Patientklager-imut, Folketingets Ombudsmand-ip')).to.equal('Styrelsen for Patientklager-imut, Folketingets Ombudsmand-ip');
    expect(shown('neqeroorutaanut')).to.equal('neqe|roo|ru|taa|nut'); // e, o before q, r: Greenlandic
    expect(shown('https://www.sundhedsstyrelsen.dk/aanngajaarniutinik')).to.equal('https://www.sundhedsstyrelsen.dk/aanngajaarniutinik');
    expect(shown('referral-guide-training.iife.js')).to.equal('referral-guide-training.iife.js');
    expect(withoutSoftHyphens(softHyphens('Navianartorsiorneq'))).to.equal('Navianartorsiorneq');
  });

  it('the kl translators (i18next and the first screen\'s) add them; da and en do not', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'da', ns: ['ui', 'rules'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false, defaultVariables: names } });
    const key = 'rules:question.acute.short';
    for (const tr of [makeTranslator(i18n, 'kl'), makeFirstTranslator(resources, 'kl')]) {
      expect(tr.t(key)).to.contain(SOFT_HYPHEN);
      expect(withoutSoftHyphens(tr.t(key))).to.equal((klRules as { question: { acute: { short: string } } }).question.acute.short);
    }
    for (const lang of ['da', 'en'] as const) expect(makeTranslator(i18n, lang).t('rules:question.mental-health.options.treatment-requiring.label')).to.not.contain(SOFT_HYPHEN);
  });
});
