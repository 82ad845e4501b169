/**
 * The names kept in Danish in every language (locales/names.json, src/i18n/names.ts): one table,
 * referenced from the da, en and kl strings by placeholder. Every placeholder of every locale is a
 * name of the table or a variable a call site passes; no `{{` reaches the screen; the names are
 * still on screen in all three languages, a Greenlandic ending after a hyphen; and no string
 * spells out a name the table holds, so a renamed authority is renamed in one place.
 */
import { expect } from '@open-wc/testing';
import daUi from '../locales/da/ui.json';
import enUi from '../locales/en/ui.json';
import klUi from '../locales/kl/ui.json';
import daRules from '../locales/da/rules.json';
import enRules from '../locales/en/rules.json';
import klRules from '../locales/kl/rules.json';
import daStartup from '../locales/da/startup.json';
import enStartup from '../locales/en/startup.json';
import klStartup from '../locales/kl/startup.json';
import table from '../locales/names.json';
import { trainingResources as training } from '../src/training/i18n.ts';
import { addTrainingBundles } from '../src/training/i18n.ts';
import { I18nController } from '../src/controllers/i18n-controller.ts';
import * as i18nCore from '../src/i18n/i18next-core.ts';
import { makeFirstTranslator } from '../src/i18n/first-translator.ts';
import { resources } from '../src/i18n/resources.ts';
import { nameOf, names } from '../src/i18n/names.ts';
import { withoutSoftHyphens } from '../src/i18n/hyphenate.ts';
import { LANGS, type Lang } from '../src/i18n/languages.ts';

/**
 * The variables call sites pass (`t(key, { count })`). A new one goes here; a placeholder that is
 * neither one of these nor a name of the table is a typo and fails below.
 */
const CALL_SITE = new Set([
  'answer', 'authority', 'condition', 'count', 'date', 'days', 'details', 'expected', 'field', 'file', 'format', 'from',
  'iframe', 'index', 'items', 'kb', 'keys', 'lang', 'list', 'mode', 'module', 'municipality', 'n', 'name', 'node',
  'none', 'path', 'question', 'rules', 'seconds', 'tag', 'text', 'title', 'to', 'total', 'training', 'url', 'values',
]);

type Json = string | Json[] | { [key: string]: Json };
const BUNDLES: Record<Lang, Record<string, Json>> = {
  da: { ui: daUi, rules: daRules, training: training.da, startup: daStartup } as Record<string, Json>,
  en: { ui: enUi, rules: enRules, training: training.en, startup: enStartup } as Record<string, Json>,
  kl: { ui: klUi, rules: klRules, training: training.kl, startup: klStartup } as Record<string, Json>,
};

/** Leaf strings with `ns:dotted.key` (`list`: an item of a string array, read with list()), `_meta` left out. */
function strings(lang: Lang): Array<{ key: string; text: string; list?: string }> {
  const out: Array<{ key: string; text: string; list?: string }> = [];
  const walk = (node: Json, path: string) => {
    if (typeof node === 'string') out.push({ key: path, text: node });
    else if (Array.isArray(node)) node.forEach((v, i) => (typeof v === 'string' ? out.push({ key: `${path}.${i}`, text: v, list: path }) : walk(v, `${path}.${i}`)));
    else for (const [k, v] of Object.entries(node)) if (k !== '_meta') walk(v, path.endsWith(':') ? `${path}${k}` : `${path}.${k}`);
  };
  for (const [ns, data] of Object.entries(BUNDLES[lang])) walk(data, `${ns}:`);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1].trim());
/** The table by placeholder key (`SourceTitle.rh-akut` flattened). */
const TABLE = new Map(
  Object.entries(table as Record<string, string | Record<string, string>>).flatMap(([k, v]) =>
    typeof v === 'string' ? [[k, v] as const] : Object.entries(v).map(([id, t]) => [`${k}.${id}`, t] as const),
  ),
);

describe('names kept in Danish: one table', () => {
  it('holds the names, and src/i18n/names.ts reads every one of them', () => {
    expect(TABLE.size).to.be.greaterThan(40);
    for (const [key, value] of TABLE) {
      expect(value.trim(), key).to.not.equal('');
      expect(nameOf(key), key).to.equal(value);
    }
    expect(nameOf('Patientklager')).to.equal('Styrelsen for Patientklager');
    expect(nameOf('SourceTitle.rh-akut')).to.equal('Region Hovedstaden: Fakta om Akuttelefonen 1813');
    expect(nameOf('count'), 'a call site’s variable is no name').to.equal(undefined);
    expect(nameOf('SourceTitle'), 'a group is no name').to.equal(undefined);
    expect(names).to.equal(table);
  });

  it('every placeholder of every locale string is a name of the table or a call site’s variable', () => {
    const wrong: string[] = [];
    const usedNames = new Set<string>();
    const usedVariables = new Set<string>();
    for (const lang of LANGS) {
      for (const { key, text } of strings(lang)) {
        for (const p of placeholders(text)) {
          if (TABLE.has(p)) usedNames.add(p);
          else if (CALL_SITE.has(p)) usedVariables.add(p);
          else wrong.push(`${lang} ${key}: {{${p}}}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
    expect([...TABLE.keys()].filter((k) => !usedNames.has(k)), 'names no text uses').to.deep.equal([]);
    expect([...CALL_SITE].filter((k) => !usedVariables.has(k)), 'call-site variables no text uses').to.deep.equal([]);
    expect([...CALL_SITE].filter((k) => TABLE.has(k)), 'a name hiding a call site’s variable').to.deep.equal([]);
  });

  it('a law’s name at the start of a sentence is the same name with a capital', () => {
    const pairs = [...TABLE.keys()].filter((k) => /^[a-z]/.test(k));
    expect(pairs.length).to.be.greaterThan(3);
    for (const lower of pairs) {
      const upper = lower[0].toUpperCase() + lower.slice(1);
      if (TABLE.has(upper)) expect(TABLE.get(upper), upper).to.equal(TABLE.get(lower)![0].toUpperCase() + TABLE.get(lower)!.slice(1));
    }
  });

  it('no locale string spells out a name of the table (they live in one place)', () => {
    const spelled: string[] = [];
    for (const lang of LANGS) {
      for (const { key, text } of strings(lang)) {
        const words = text.replace(/\{\{[^{}]*\}\}/g, ' ');
        for (const [, value] of TABLE) {
          // the name as a word of its own, or with a Danish genitive s (Ankestyrelsens)
          const at = new RegExp(`(^|[^\\p{L}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}])`, 'u');
          if (at.test(words)) spelled.push(`${lang} ${key}: ${value}`);
        }
      }
    }
    expect(spelled).to.deep.equal([]);
  });

  it('in kl a name’s Greenlandic ending follows a hyphen: {{Patientklager}}-imut, never {{Patientklager}}imut', () => {
    const fused = strings('kl')
      .filter(({ text }) => /\}\}\p{L}/u.test(text))
      .map(({ key, text }) => `${key}: ${text}`);
    expect(fused).to.deep.equal([]);
    const kl = strings('kl').map((s) => s.text).join('\n');
    expect(kl).to.contain('{{Patientklager}}-imut').and.contain('{{RegionHovedstaden}}-imi').and.contain('{{Ankestyrelsen}}-ip');
  });
});

describe('names kept in Danish: on screen', () => {
  const host = Object.assign(document.createElement('div'), { addController() {}, requestUpdate() {} });
  const controller = new I18nController(host as never, i18nCore);
  addTrainingBundles(controller.i18n!);
  const seen = (text: string) => withoutSoftHyphens(text);

  it('the escalation steps show Styrelsen for Patientklager in da, en and kl, the kl ending after the hyphen', () => {
    for (const lang of LANGS) {
      const steps = controller.translatorFor(lang).list('rules:escalation.region.steps').map(seen);
      expect(steps.join(' '), lang).to.contain('Styrelsen for Patientklager').and.not.contain('{{');
      expect(makeFirstTranslator(resources, lang).list('rules:escalation.region.steps').map(seen), `${lang}, first translator`).to.deep.equal(steps);
    }
    const kl = controller.translatorFor('kl');
    expect(seen(kl.t('rules:clock.overdueRegion'))).to.contain('innuttaasoq Styrelsen for Patientklager-imut maalaarsinnaavoq');
    expect(seen(kl.t('rules:escalation.kommune.steps.3'))).to.contain('maalaarut Ankestyrelsen-imut ingerlateqqissavaa');
    expect(seen(kl.t('rules:flag.F-region-2027.body'))).to.contain('Region Hovedstaden Region Sjælland-ilu Region Østdanmark-imut kattunneqassapput');
  });

  it('a source’s Danish title is the same in da and kl, quoted in kl; English says it in English', () => {
    const title = 'Region Hovedstaden: Fakta om Akuttelefonen 1813';
    expect(controller.translatorFor('da').t('rules:source.rh-akut')).to.equal(title);
    expect(seen(controller.translatorFor('kl').t('rules:source.rh-akut'))).to.equal(`Allagaq «${title}»`);
    expect(controller.translatorFor('en').t('rules:source.rh-akut')).to.equal('Region Hovedstaden: Facts about the medical helpline 1813');
    expect(controller.translatorFor('da').t('rules:source.psl-5')).to.equal('Psykiatriloven § 5');
  });

  it('the training texts get the names too', () => {
    expect(seen(controller.translatorFor('kl').t('training:prompt.digital-access'))).to.contain('Digital Post-imik');
    expect(controller.translatorFor('en').t('training:prompt.digital-access')).to.contain('without Digital Post');
  });

  it('no text of any language shows a placeholder once a call site’s variables are given', () => {
    let read = 0;
    const left: string[] = [];
    for (const lang of LANGS) {
      const tr = controller.translatorFor(lang);
      const first = makeFirstTranslator(resources, lang);
      for (const { key, text, list } of strings(lang)) {
        if (key.startsWith('startup:')) continue; // src/startup-texts.ts, without i18next: no names there
        const ns = key.slice(0, key.indexOf(':'));
        const path = key.slice(ns.length + 1);
        const params = Object.fromEntries(placeholders(text).filter((p) => CALL_SITE.has(p)).map((p) => [p, `<${p}>`]));
        const plural = /_(one|other)$/.exec(path);
        const id = `${ns}:${plural ? path.slice(0, plural.index) : path}`;
        const shown = list ? tr.list(list) : [tr.t(id, plural ? { ...params, count: plural[1] === 'one' ? 1 : 2 } : params)];
        if (ns !== 'training' && !list) shown.push(first.t(id, plural ? { ...params, count: plural[1] === 'one' ? 1 : 2 } : params));
        for (const s of shown) {
          read++;
          if (/\{\{|\}\}/.test(s)) left.push(`${lang} ${key}: ${s}`);
        }
        for (const p of placeholders(text).filter((k) => TABLE.has(k))) {
          if (!shown.some((s) => seen(s).includes(TABLE.get(p)!))) left.push(`${lang} ${key}: ${TABLE.get(p)} not shown`);
        }
      }
    }
    expect(read).to.be.greaterThan(3 * 600);
    expect(left).to.deep.equal([]);
  });
});
