/**
 * The bad-input catalogue (test/fixtures/bad-input/cases.json): malformed config files and
 * properties, malformed scenario files, URLs and share links. Each must give a `referral-error`
 * whose message is in the user's language (its intro sentence from the locale data) and names
 * the field at fault; the message is on screen; the guide keeps working; no answer is lost (a
 * guide mid-interview, a training scenario mid-way); no prototype is polluted; nothing escapes
 * into the page.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.ts';
import '../../src/training/referral-training.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { ReferralTraining } from '../../src/training/referral-training.ts';
import { currentQuestion } from '../../machines/index.ts';
import cases from '../fixtures/bad-input/cases.json';
import { until } from '../embed/drive.ts';
import daUi from '../../locales/da/ui.json';
import klUi from '../../locales/kl/ui.json';
import enUi from '../../locales/en/ui.json';
import daTraining from '../../locales/da/training.json';
import klTraining from '../../locales/kl/training.json';
import enTraining from '../../locales/en/training.json';
import { answerOnScreen, settle } from './drive.ts';

type Lang = 'da' | 'kl' | 'en';
const LANGS: Lang[] = ['da', 'kl', 'en'];
const UI = { da: daUi, kl: klUi, en: enUi };
const TRAINING = { da: daTraining, kl: klTraining, en: enTraining };

interface Case {
  file?: string;
  url?: string;
  what: string;
  intro: string;
  names: string[];
}
const urlOf = (c: Case) => c.url ?? `/__bad-input/${c.file!.replace(/\.json$/, '')}`;

interface Detail {
  code: string;
  message: string;
  issues?: unknown[];
}

/** The part of a template before its first placeholder that is not filled here. */
function intro(template: string, params: Record<string, string> = {}): string {
  const filled = template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? params[k] : m));
  return filled.split('{{')[0].trim();
}

/** A field name as the message writes it: "(top level)" is said in the user's language. */
const shownName = (name: string, lang: Lang) => (name === '(top level)' ? UI[lang].errors.issue.root : name);

const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(String(e.error ?? e.message));
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));

function expectMessage(detail: Detail, expectedIntro: string, names: string[], lang: Lang, label: string) {
  expect(detail.message.startsWith(expectedIntro), `${label}: "${detail.message}" should start with "${expectedIntro}"`).to.equal(true);
  for (const name of names) expect(detail.message, `${label}: names ${name}`).to.contain(shownName(name, lang));
  expect(detail.issues, `${label}: issues`).to.be.an('array').that.is.not.empty;
}

function expectClean(label: string) {
  expect(({} as Record<string, unknown>).polluted, `${label}: Object.prototype polluted`).to.equal(undefined);
  expect(Object.prototype.hasOwnProperty.call(Array.prototype, 'polluted'), label).to.equal(false);
  expect(uncaught, `${label}: uncaught errors`).to.deep.equal([]);
}

describe('bad-input catalogue', function () {
  this.timeout(120_000);

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    document.querySelectorAll('referral-guide, referral-training').forEach((el) => el.remove());
  });

  it('has at least 50 cases, every file on disk and every case explained', async () => {
    const all = [...cases.config, ...cases.scenario] as Case[];
    expect(all.length).to.be.at.least(50);
    for (const c of all) {
      expect(c.what.length, JSON.stringify(c)).to.be.greaterThan(3);
      if (c.file) expect((await fetch(urlOf(c))).status, c.file).to.equal(200);
    }
  });

  it('config files: a message in the user’s language naming the field, on screen; the interview goes on', async () => {
    const list = cases.config as Case[];
    for (const lang of LANGS) {
      const el = document.createElement('referral-guide') as ReferralGuide;
      el.setAttribute('lang', lang);
      document.body.append(el);
      await settle(el);
      await answerOnScreen(el, 'no');
      await answerOnScreen(el, 'adult');
      const answers = structuredClone(el.snapshot.context.answers);
      const events: Detail[] = [];
      el.addEventListener('referral-error', (e) => events.push(e.detail as Detail));
      for (const c of list.filter((_, i) => i % 3 === LANGS.indexOf(lang))) {
        const label = `${lang} ${c.file ?? c.url} (${c.what})`;
        const before = events.length;
        el.setAttribute('config', urlOf(c));
        // The attribute is picked up by a MutationObserver, then loaded; the event follows the render.
        await until(`${label}: referral-error`, () => events.length > before);
        await el.configLoaded;
        await settle(el);
        expect(events.length - before, `${label}: one referral-error`).to.equal(1);
        const detail = events.at(-1)!;
        expect(detail.code, label).to.equal('invalid-config');
        const template = (UI[lang].errors.config as Record<string, string>)[c.intro];
        expectMessage(detail, intro(template, { url: urlOf(c) }), c.names, lang, label);
        // The caseworker reads one plain sentence; the detail is behind the editor's toggle.
        const plain = el.shadowRoot!.querySelector('[data-error="invalid-config"] [data-error-plain]')?.textContent?.replaceAll('\u00ad', '').trim();
        expect(plain, `${label}: plain sentence on screen`).to.equal(UI[lang].errors.config.plain);
        const banner = el.shadowRoot!.querySelector('[data-error="invalid-config"] [data-error-details]')?.textContent?.replaceAll('\u00ad', '').trim();
        expect(banner, `${label}: the detail for the editor`).to.equal(detail.message);
        expect(el.snapshot.context.answers, `${label}: answers`).to.deep.equal(answers);
        expect(currentQuestion(el.snapshot), label).to.equal('substances');
        expectClean(label);
      }
      // The interview goes on with the national defaults.
      await answerOnScreen(el, ['drugs']);
      expect(currentQuestion(el.snapshot)).to.equal('mental-health');
      el.remove();
    }
  });

  it('config properties: wrong types, throwing getters, cycles and prototype keys are refused the same way', async () => {
    const cyclic: Record<string, unknown> = { region: 'hovedstaden' };
    cyclic.notes = [cyclic];
    const properties: Array<[string, unknown, string[]]> = [
      ['a string (a URL given as the property)', '/config.json', ['(top level)']],
      ['a list', [{ region: 'hovedstaden' }], ['(top level)']],
      ['a number', 101, ['(top level)']],
      ['a boolean', true, ['(top level)']],
      ['a getter that throws', { get region() { throw new Error('a hostile getter'); } }, []],
      ['a Proxy that throws on every read', new Proxy({}, { get() { throw new Error('hostile proxy'); }, ownKeys() { throw new Error('hostile proxy'); } }), []],
      ['a cycle', cyclic, ['notes[0]']],
      ['a parsed __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}'), ['__proto__']],
      ['10,000 notes', { notes: Array.from({ length: 10_000 }, (_, i) => `note ${i}`) }, ['notes']],
      // Objects that are not plain data would pass as an empty config (no own fields to check).
      ['a Map', new Map([['region', 'hovedstaden']]), ['(top level)']],
      ['a class instance', new (class Config { region = 'hovedstaden'; })(), ['(top level)']],
      ['a DOM element', document.createElement('div'), ['(top level)']],
    ];
    const el = document.createElement('referral-guide') as ReferralGuide;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await settle(el);
    await answerOnScreen(el, 'no');
    const events: Detail[] = [];
    el.addEventListener('referral-error', (e) => events.push(e.detail as Detail));
    for (const [what, value, names] of properties) {
      const before = events.length;
      el.config = value as ReferralGuide['config'];
      await settle(el);
      expect(events.length - before, `${what}: one referral-error`).to.equal(1);
      const detail = events.at(-1)!;
      expect(detail.code, what).to.equal('invalid-config');
      expectMessage(detail, intro(enUi.errors.config.invalidProperty), names, 'en', what);
      expect(el.shadowRoot!.querySelector('[data-failure]'), `${what}: no internal-error screen`).to.equal(null);
      expect(el.snapshot.context.answers, what).to.deep.equal({ acute: 'no' });
      expectClean(what);
    }
    // Plain data from another frame (its own Object.prototype) is a config all the same.
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const before = events.length;
    el.config = (iframe.contentWindow as Window & typeof globalThis).JSON.parse('{"region": "hovedstaden"}');
    await settle(el);
    iframe.remove();
    expect(events.length - before, 'a plain object from another frame: no referral-error').to.equal(0);
    await answerOnScreen(el, 'adult');
    expect(currentQuestion(el.snapshot)).to.equal('substances');
    el.remove();
  });

  describe('scenarios', () => {
    async function trainingMidway(lang: Lang) {
      const el = document.createElement('referral-training') as ReferralTraining;
      el.setAttribute('lang', lang);
      document.body.append(el);
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-scenario="mother-alcohol-two-children"] button')!.click();
      await el.updateComplete;
      const player = el.activePlayer!;
      player.next();
      player.reveal();
      player.next();
      player.reveal();
      await el.updateComplete;
      const events: Detail[] = [];
      el.addEventListener('referral-error', (e) => events.push(e.detail as Detail));
      return { el, events, progress: JSON.stringify(player.snapshot) };
    }

    async function expectRefused(
      t: Awaited<ReturnType<typeof trainingMidway>>,
      lang: Lang,
      before: number,
      intro_: string,
      names: string[],
      label: string,
    ) {
      await until(`${label}: referral-error`, () => t.events.length > before);
      await t.el.updateComplete;
      expect(t.events.length - before, `${label}: one referral-error`).to.equal(1);
      const detail = t.events.at(-1)!;
      expect(detail.code, label).to.equal('invalid-scenario');
      const template = (TRAINING[lang].errors as Record<string, string>)[intro_];
      expectMessage(detail, intro(template), names, lang, label);
      const shown = [...t.el.shadowRoot!.querySelectorAll('[data-error="invalid-scenario"] p')].map((p) => p.textContent!.replaceAll('\u00ad', '').trim());
      expect(shown, `${label}: on screen`).to.include(detail.message);
      expect(t.el.activePlayer?.scenario.id, `${label}: the open scenario stays`).to.equal('mother-alcohol-two-children');
      expect(JSON.stringify(t.el.activePlayer!.snapshot), `${label}: its progress and answers stay`).to.equal(t.progress);
      expectClean(label);
    }

    it('scenario files and URLs (the scenario attribute)', async () => {
      for (const lang of LANGS) {
        const t = await trainingMidway(lang);
        for (const c of (cases.scenario as Case[]).filter((_, i) => i % 3 === LANGS.indexOf(lang))) {
          const before = t.events.length;
          t.el.setAttribute('scenario', urlOf(c));
          await expectRefused(t, lang, before, c.intro, c.names, `${lang} ${c.file ?? c.url} (${c.what})`);
        }
        t.el.remove();
      }
    });

    it('the same files as share links (#scenario=…) and as objects from the host', async () => {
      const t = await trainingMidway('en');
      const b64 = (text: string) => {
        const bytes = new TextEncoder().encode(text);
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      };
      let links = 0;
      let objects = 0;
      try {
        for (const c of (cases.scenario as Case[]).filter((x) => x.file)) {
          const text = await (await fetch(urlOf(c))).text();
          const label = `link ${c.file} (${c.what})`;
          let before = t.events.length;
          location.hash = `scenario=j${b64(text)}`;
          await expectRefused(t, 'en', before, c.intro === 'notJson' ? 'badLink' : c.intro, c.intro === 'notJson' ? [] : c.names, label);
          links++;
          let data: unknown;
          try {
            data = JSON.parse(text);
          } catch {
            continue;
          }
          before = t.events.length;
          expect(t.el.loadScenario(data), `${c.file} as an object`).to.equal(false);
          await expectRefused(t, 'en', before, c.intro, c.names, `object ${c.file} (${c.what})`);
          objects++;
        }
        for (const payload of ['zzz', 'j!!!not-base64', 'x' + 'A'.repeat(40), '', `z${'A'.repeat(500_000)}`]) {
          const before = t.events.length;
          location.hash = `scenario=${payload}`;
          await expectRefused(t, 'en', before, 'badLink', [], `damaged link "${payload.slice(0, 20)}"`);
          links++;
        }
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
      expect(links).to.be.greaterThan(30);
      expect(objects).to.be.greaterThan(25);
      t.el.remove();
    });
  });
});
