/**
 * The config boundary without the element: the schema, the loader (same origin only, clear
 * failures), the merge order and the messages that name the field in the user's language.
 */
import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { parseConfig, loadConfigFile, mergeConfigs } from '../../src/config/load.ts';
import { localView } from '../../src/config/view.ts';
import { InputError, describeInputError, describeIssues, fieldPath, type Translate } from '../../src/errors.ts';
import { resources } from '../../src/i18n/resources.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { names } from '../../src/i18n/names.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'da', ns: ['ui', 'rules'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false, defaultVariables: names } });
const tFor = (lang: Lang): Translate => {
  const fixed = i18n.getFixedT(lang);
  return (key, options) => String(fixed(key, options as never));
};

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

async function rejectionOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('config: schema and messages', () => {
  it('accepts both example configs (København, Odense) as served to a page', async () => {
    for (const name of ['koebenhavn', 'odense']) {
      const config = await loadConfigFile(`/__embed/configs/${name}`, location.href);
      expect(config.municipality?.code, name).to.match(/^\d{3}$/);
      expect(Object.keys(config.contacts ?? {}).length, name).to.be.greaterThan(1);
    }
  });

  it('names every bad field, in Danish, English and Greenlandic', () => {
    const bad = {
      region: 'fyn',
      extra: true,
      contacts: { gp: [{ name: 'Lægehuset', phone: 'ring til os', url: 'javascript:alert(1)' }] },
    };
    const error = errorOf(() => parseConfig(bad, 'property'));
    expect(error.code).to.equal('invalid-config');
    const paths = error.issues.map((i) => fieldPath(i.path)).sort();
    expect(paths).to.deep.equal(['', 'contacts.gp[0].phone', 'contacts.gp[0].url', 'region']);
    const da = describeInputError(error, tFor('da'));
    expect(da).to.contain('Den lokale konfiguration kunne ikke bruges');
    expect(da).to.contain('»region« skal være en af “hovedstaden”');
    expect(da).to.contain('»contacts.gp[0].phone«');
    expect(da).to.contain('Der er 1 problem mere.');
    const all = describeIssues(error.issues, tFor('en'), { input: bad, max: 10 });
    expect(all).to.contain('“(top level)” has a field the guide does not know: “extra”.');
    expect(all).to.contain('“contacts.gp[0].url” is not a valid web address starting with https://.');
    const kl = describeInputError(error, tFor('kl'));
    expect(kl).to.contain('Najukkami aaqqissuussineq atorneqarsinnaanngilaq');
    expect(kl).to.contain('»region«');
  });

  it('tells a missing field from a wrong one, and finds the right branch of a per-language text', () => {
    const input = { contacts: { gp: [{ phone: '+45 33 33 33 33' }] }, notes: [{ de: 'Hallo' }, 42] };
    const error = errorOf(() => parseConfig(input, 'property'));
    const en = describeIssues(error.issues, tFor('en'), { input, max: 10 });
    expect(en).to.contain('“contacts.gp[0].name” is missing.');
    expect(en).to.contain('“notes[0]” has a field the guide does not know: “de”.');
    expect(en).to.contain('“notes[1]” should be text or a group of fields ({ … }).');
  });

  it('refuses links other than http(s), and relative links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', '/kontakt', 'ftp://example.dk/']) {
      const error = errorOf(() => parseConfig({ contacts: { gp: [{ name: 'x', url }] } }, 'property'));
      expect(fieldPath(error.issues[0].path), url).to.equal('contacts.gp[0].url');
    }
    expect(parseConfig({ contacts: { gp: [{ name: 'x', url: 'https://www.odense.dk/' }] } }, 'property').contacts?.gp?.[0].url).to.equal(
      'https://www.odense.dk/',
    );
  });
});

describe('config: loading the file', () => {
  it('never requests another origin', async () => {
    const calls: string[] = [];
    const spy = ((url: string) => {
      calls.push(url);
      return Promise.reject(new Error('should not be called'));
    }) as unknown as typeof fetch;
    const error = await rejectionOf(loadConfigFile('https://example.org/config.json', location.href, { fetch: spy }));
    expect(error.issues[0].code).to.equal('other-origin');
    expect(calls).to.deep.equal([]);
    expect(describeInputError(error, tFor('en'))).to.contain('must be on the same website as this page');
  });

  it('says so when the file is missing or is not JSON', async () => {
    const missing = await rejectionOf(loadConfigFile('/__embed/configs/does-not-exist', location.href));
    expect(missing.issues[0]).to.include({ code: 'unreachable', message: 'HTTP 404' });
    expect(describeInputError(missing, tFor('da'))).to.equal(
      'Den lokale konfigurationsfil »/__embed/configs/does-not-exist« kunne ikke hentes, så guiden viser kun de landsdækkende oplysninger.',
    );
    const html = await rejectionOf(loadConfigFile('/demo/index.html', location.href));
    expect(html.issues[0].code).to.equal('not-json');
    expect(html.key).to.equal('errors.config.notJson');
  });
});

describe('config: layers and languages', () => {
  it('merges defaults < property < attribute, per service id', () => {
    const property = parseConfig(
      { region: 'syddanmark', contacts: { gp: [{ name: 'A' }], 'homelessness-support': [{ name: 'B' }] }, notes: ['n1'] },
      'property',
    );
    const file = parseConfig({ region: 'hovedstaden', contacts: { gp: [{ name: 'C' }] } }, 'attribute');
    const merged = mergeConfigs({}, property, file);
    expect(merged.region).to.equal('hovedstaden');
    expect(merged.contacts?.gp?.[0].name).to.equal('C');
    expect(merged.contacts?.['homelessness-support']?.[0].name).to.equal('B');
    expect(merged.notes).to.deep.equal(['n1']);
  });

  it('picks each text in the screen language, falling back kl → da → en and saying which', () => {
    const config = parseConfig(
      { municipality: { name: { da: 'Odense Kommune', en: 'Odense Municipality' } }, notes: [{ en: 'Only English' }], contacts: { gp: [{ name: 'Lægehuset', phone: '+45 66 11 22 33' }] } },
      'property',
    );
    const kl = localView(config, 'kl');
    expect(kl.municipality).to.deep.equal({ text: 'Odense Kommune', lang: 'da' });
    expect(kl.notes[0]).to.deep.equal({ text: 'Only English', lang: 'en' });
    expect(localView(config, 'en').municipality).to.deep.equal({ text: 'Odense Municipality' });
    expect(kl.contacts.gp?.[0].phone).to.deep.equal({ text: '+45 66 11 22 33', href: 'tel:+4566112233' });
  });
});
