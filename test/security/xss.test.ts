/**
 * XSS catalogue, in the browser: script and markup payloads in every config text (municipality,
 * contacts, notes), in scenario texts (title, story, facilitator notes; loaded as an object and as
 * a share link), in URL fragments, in the config and scenario URLs and in the `lang` attribute.
 * None may run (a global tripwire and `alert` record any call), and none may add an element: the
 * rendered tree (tags and attribute names, through every shadow root) is the same as with a
 * harmless text, and the payload shows up as literal text.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.ts';
import '../../src/training/referral-training.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { ReferralTraining } from '../../src/training/referral-training.ts';
import { encodeScenario } from '../../src/training/share.ts';
import { SERVICE_IDS, type Scenario } from '../../machines/index.ts';
import { FULL_PATHS, openPlan, settle, walkToReview } from './drive.ts';

const PAYLOADS = [
  `<script>__xss('script')</script>`,
  `<img src=x onerror="__xss('img')">`,
  `<svg onload="__xss('svg')"></svg>`,
  `"><img src=x onerror=__xss('attribute-break')>`,
  `'><script>__xss('quote-break')</script>`,
  `</p><iframe src="javascript:__xss('iframe')"></iframe>`,
  `<a href="javascript:__xss('anchor')">open</a>`,
  `<details open ontoggle="__xss('details')">x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="__xss('mxss')">`,
  `<div popover id=p onbeforetoggle="__xss('popover')">x</div>`,
  `&lt;img src=x onerror=__xss('entity')&gt;`,
  `{{constructor.constructor('__xss("i18n-expression")')()}}`,
  `$t(widget.name) {{lng}} {{- url}}`,
  `javascript:__xss('text-that-looks-like-a-url')`,
  `<style>*{display:none !important}</style>`,
  `<template shadowrootmode="open"><img src=x onerror="__xss('dsd')"></template>`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:__xss('meta')">`,
];

const hits: string[] = [];
declare global {
  interface Window {
    __xss: (what: string) => void;
  }
}

/** Tag and attribute names of every element under `root`, through shadow roots, as a sorted list. */
function shape(root: Element | ShadowRoot): string[] {
  const out: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(`${el.localName}[${[...el.attributes].map((a) => a.name).sort().join(',')}]`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out.sort();
}

/** All text under `root`, through shadow roots (attribute values included: a payload may sit in one). */
function deepText(root: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element) {
      for (const a of n.attributes) out += ` ${a.value} `;
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

function expectInert(root: Element, baseline: string[], payload: string, label: string) {
  expect(hits, `${label}: ran`).to.deep.equal([]);
  const now = shape(root);
  const extra = now.filter((s, i) => s !== baseline[i]);
  expect(now.length === baseline.length && extra.length === 0, `${label}: the tree changed: ${extra.slice(0, 5).join(' ')}`).to.equal(true);
  expect(deepText(root), `${label}: the payload is shown as text`).to.contain(payload.replace(/\u0000/g, ''));
  expect(pageShape(), `${label}: the page around the guide changed`).to.deep.equal(pageBaseline);
}

/** The host page's own elements (the test runner's scripts included), to see that none is added. */
const pageShape = () => [...document.querySelectorAll('script, img, iframe, svg, base, meta, style, link')].map((e) => e.outerHTML.slice(0, 80));
let pageBaseline: string[] = [];

function configWith(text: string) {
  const contact = { name: text, address: text, openingHours: { da: text, kl: text, en: text }, note: text, url: 'https://example.org/kontakt' };
  return {
    municipality: { name: text },
    contacts: Object.fromEntries(SERVICE_IDS.map((id) => [id, [contact]])),
    notes: [text, { da: text, kl: text, en: text }],
  };
}

function scenarioWith(text: string, id = 'xss-case'): Scenario {
  const t = { da: text, kl: text, en: text };
  return {
    id,
    title: t,
    story: t,
    answers: { acute: 'no', age: 'adult', substances: ['drugs'] },
    notes: { acute: t, age: t },
  } as Scenario;
}

describe('XSS catalogue', function () {
  this.timeout(60_000);
  const alert_ = window.alert;

  before(() => {
    pageBaseline = pageShape();
    window.__xss = (what) => hits.push(what);
    window.alert = (what?: unknown) => hits.push(`alert ${String(what)}`);
  });
  after(() => {
    window.alert = alert_;
    document.querySelectorAll('referral-guide, referral-training').forEach((el) => el.remove());
  });
  afterEach(() => {
    hits.length = 0;
  });

  it('config texts: on the plan and in the note, in every language', async () => {
    for (const lang of ['da', 'kl', 'en']) {
      const el = document.createElement('referral-guide') as ReferralGuide;
      el.setAttribute('lang', lang);
      document.body.append(el);
      el.config = configWith('SAFE TEXT') as ReferralGuide['config'];
      await settle(el);
      await walkToReview(el, FULL_PATHS['acute, then dual diagnosis, homeless, Greenlandic']);
      await openPlan(el);
      const baseline = shape(el);
      expect(deepText(el)).to.contain('SAFE TEXT');
      for (const payload of PAYLOADS) {
        el.config = configWith(payload) as ReferralGuide['config'];
        await settle(el);
        expectInert(el, baseline, payload, `${lang} config "${payload}"`);
      }
      el.remove();
    }
  });

  it('scenario texts: title, story and facilitator notes, as an object and as a share link', async () => {
    const el = document.createElement('referral-training') as ReferralTraining;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await el.updateComplete;
    const open = async (scenario: Scenario, how: 'object' | 'link') => {
      if (how === 'object') expect(el.loadScenario(scenario)).to.equal(true);
      else {
        location.hash = `scenario=${await encodeScenario(scenario)}`;
        for (let i = 0; i < 100 && el.activePlayer?.scenario.id !== scenario.id; i++) await new Promise((r) => setTimeout(r, 10));
      }
      await el.updateComplete;
      expect(el.activePlayer?.scenario.id).to.equal(scenario.id);
    };
    /** The story, then the first question revealed with its note. */
    const views = async () => {
      const story = shape(el);
      const storyText = deepText(el);
      el.activePlayer!.next();
      el.activePlayer!.reveal();
      await el.updateComplete;
      return { story, storyText, note: shape(el), noteText: deepText(el) };
    };
    try {
      let n = 0;
      for (const how of ['object', 'link'] as const) {
        await open(scenarioWith('SAFE TEXT', `safe-${how}`), how);
        const baseline = await views();
        expect(baseline.storyText).to.contain('SAFE TEXT');
        for (const payload of PAYLOADS) {
          await open(scenarioWith(payload, `xss-${how}-${n++}`), how);
          const seen = await views();
          expect(hits, `${how} "${payload}": ran`).to.deep.equal([]);
          expect(seen.story, `${how} "${payload}": story view`).to.deep.equal(baseline.story);
          expect(seen.note, `${how} "${payload}": note view`).to.deep.equal(baseline.note);
          expect(seen.storyText, `${how} "${payload}": shown as text`).to.contain(payload.replace(/\u0000/g, ''));
          expect(seen.noteText, `${how} "${payload}": the note as text`).to.contain(payload);
        }
      }
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
      el.remove();
    }
  });

  it('URL fragments, config and scenario URLs and the lang attribute: refused or shown as text', async () => {
    const el = document.createElement('referral-guide') as ReferralGuide;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await settle(el);
    const errors: string[] = [];
    el.addEventListener('referral-error', (e) => errors.push(e.detail.message));
    try {
      for (const payload of PAYLOADS) {
        // A fragment that is not a scenario link is none of the guide's business.
        const baseline = shape(el);
        location.hash = encodeURIComponent(payload);
        await new Promise((r) => setTimeout(r, 10));
        await settle(el);
        expect(hits, `fragment "${payload}"`).to.deep.equal([]);
        expect(shape(el), `fragment "${payload}"`).to.deep.equal(baseline);

        // The config URL is echoed in the message: as text.
        const before = errors.length;
        el.setAttribute('config', `/__bad-input/config/does-not-exist?${payload}`);
        for (let i = 0; i < 200 && errors.length === before; i++) await new Promise((r) => setTimeout(r, 10));
        await settle(el);
        expect(errors.length, `config URL "${payload}": reported`).to.be.greaterThan(before);
        const banner = el.shadowRoot!.querySelector('[data-error="invalid-config"]')!;
        expect(hits, `config URL "${payload}"`).to.deep.equal([]);
        // The plain sentence, the editor's details (<div>, <p>, <details>, <summary>, <p>) and the close button.
        expect(banner.querySelectorAll('*').length, `config URL "${payload}": no element in the message`).to.equal(5 + 1);
        el.removeAttribute('config');
        await settle(el);

        // An unknown language code is echoed in the message too.
        el.setAttribute('lang', payload);
        await settle(el);
        const langBanner = el.shadowRoot!.querySelector('[data-error="unknown-language"]');
        expect(hits, `lang "${payload}"`).to.deep.equal([]);
        expect(langBanner?.querySelectorAll('*').length, `lang "${payload}": no element in the message`).to.equal(2);
        expect(langBanner!.textContent).to.contain(payload.trim().replace(/\u0000/g, '').slice(0, 20));
        el.setAttribute('lang', 'en');
        await settle(el);
      }
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
      el.remove();
    }

    // Training: a scenario URL and a damaged share link with a payload are refused; nothing runs.
    const training = document.createElement('referral-training') as ReferralTraining;
    training.setAttribute('lang', 'en');
    document.body.append(training);
    await training.updateComplete;
    const trainingBaseline = shape(training);
    const trainingErrors: string[] = [];
    training.addEventListener('referral-error', (e) => trainingErrors.push(e.detail.message));
    try {
      for (const payload of PAYLOADS) {
        const before = trainingErrors.length;
        location.hash = `scenario=${encodeURIComponent(payload)}`;
        for (let i = 0; i < 200 && trainingErrors.length === before; i++) await new Promise((r) => setTimeout(r, 10));
        training.setAttribute('scenario', `/__bad-input/scenario/does-not-exist?${payload}`);
        for (let i = 0; i < 200 && trainingErrors.length < before + 2; i++) await new Promise((r) => setTimeout(r, 10));
        await training.updateComplete;
        expect(trainingErrors.length, `scenario link and URL "${payload}": both refused`).to.equal(before + 2);
        expect(hits, `scenario "${payload}"`).to.deep.equal([]);
        const errorBoxes = training.shadowRoot!.querySelectorAll('[data-error="invalid-scenario"]');
        for (const box of errorBoxes) expect(box.querySelectorAll('*').length, `scenario "${payload}"`).to.equal(2);
        expect(shape(training).filter((s) => !trainingBaseline.includes(s)).every((s) => /^(div|p|button)\[/.test(s)), `scenario "${payload}"`).to.equal(true);
      }
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
      training.remove();
    }
  });
});
