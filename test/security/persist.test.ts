/**
 * The opt-in `persist` attribute: answers survive a real reload (an iframe page reloaded) in
 * sessionStorage only, under a per-element key; a record from other rules or one that cannot be
 * read is discarded with a notice; a tampered record cannot smuggle in answers or pollute
 * prototypes; without `persist` nothing is written; "Clear all" asks, then wipes everything.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { PERSIST_VERSION } from '../../src/controllers/persist-controller.ts';
import { currentQuestion, rulesValidAsOf } from '../../machines/index.ts';
import enUi from '../../locales/en/ui.json';
import daUi from '../../locales/da/ui.json';
import { NOTHING, answerOnScreen, clearAll, clearAllEl, inGuide, openPlan, screenOf, settle, walkToReview } from './drive.ts';
import { frame, until } from '../embed/drive.ts';

const PAGE = '/test/security/pages/persist.html';
const KEY_IN_FRAME = `referral-guide:${PAGE}#intake`;

async function guideIn(iframe: HTMLIFrameElement): Promise<ReferralGuide> {
  const el = await until('the guide in the frame', () => {
    const g = iframe.contentDocument?.querySelector('referral-guide') as ReferralGuide | null;
    return g?.shadowRoot?.querySelector('[data-screen]') ? g : null;
  });
  await settle(el);
  return el;
}

async function reload(iframe: HTMLIFrameElement): Promise<ReferralGuide> {
  const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  iframe.contentWindow!.location.reload();
  await loaded;
  return guideIn(iframe);
}

const noticeOf = (el: ReferralGuide) => inGuide(el, '[data-persist-notice]')[0]?.dataset.persistNotice ?? null;
const noticeText = (el: ReferralGuide) => inGuide(el, '[data-persist-notice] p')[0]?.textContent?.trim() ?? '';

async function guide(attrs: Record<string, string> = {}): Promise<ReferralGuide> {
  const el = document.createElement('referral-guide') as ReferralGuide;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await settle(el);
  return el;
}
// A bare `persist` keys the record by the page path *and query* (wtr adds a query) and the id.
const keyOf = (id: string) => `referral-guide:${location.pathname}${location.search}#${id}`;

describe('persist', function () {
  this.timeout(30_000);

  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    document.querySelectorAll('referral-guide, iframe').forEach((el) => el.remove());
    sessionStorage.clear();
  });

  it('keeps the answers across a real reload, and says so', async () => {
    const iframe = await frame(PAGE);
    let el = await guideIn(iframe);
    await answerOnScreen(el, 'no');
    await answerOnScreen(el, 'adult');
    await answerOnScreen(el, ['drugs']);
    const answers = structuredClone(el.snapshot.context.answers);
    expect(currentQuestion(el.snapshot)).to.equal('mental-health');
    const stored = JSON.parse(sessionStorage.getItem(KEY_IN_FRAME)!);
    expect(stored).to.deep.equal({ version: PERSIST_VERSION, answers, details: {} });
    expect(stored.version).to.contain(rulesValidAsOf);

    el = await reload(iframe);
    expect(el.snapshot.context.answers).to.deep.equal(answers);
    expect(currentQuestion(el.snapshot), 'resumes at the first open question').to.equal('mental-health');
    expect(noticeOf(el)).to.equal('restored');
    expect(noticeText(el)).to.equal(enUi.privacy.restored);
  });

  it('discards answers saved under other rules, with a notice, and removes the record', async () => {
    const iframe = await frame(PAGE);
    let el = await guideIn(iframe);
    await answerOnScreen(el, 'no');
    await answerOnScreen(el, 'adult');
    const record = JSON.parse(sessionStorage.getItem(KEY_IN_FRAME)!);
    sessionStorage.setItem(KEY_IN_FRAME, JSON.stringify({ ...record, version: '2020-01-01#1' }));
    el = await reload(iframe);
    expect(el.snapshot.context.answers).to.deep.equal({});
    expect(currentQuestion(el.snapshot)).to.equal('acute');
    expect(noticeOf(el)).to.equal('discarded-version');
    expect(noticeText(el)).to.equal(enUi.privacy.discardedVersion);
    expect(sessionStorage.getItem(KEY_IN_FRAME)).to.equal(null);
    // The notice can be closed, and the guide works as new.
    inGuide<HTMLButtonElement>(el, '[data-persist-notice] button')[0].click();
    await settle(el);
    expect(noticeOf(el)).to.equal(null);
    await answerOnScreen(el, 'no');
    expect(currentQuestion(el.snapshot)).to.equal('age');
  });

  it('discards a record it cannot read, with a notice in the user’s language', async () => {
    for (const bad of ['{not json', '"a string"', 'null', '[]', JSON.stringify({ version: PERSIST_VERSION, answers: [] })]) {
      sessionStorage.setItem(keyOf('a'), bad);
      const el = await guide({ id: 'a', persist: '', lang: 'da' });
      expect(noticeOf(el), bad).to.equal('discarded-unreadable');
      expect(noticeText(el)).to.equal(daUi.privacy.discardedUnreadable);
      expect(sessionStorage.getItem(keyOf('a')), bad).to.equal(null);
      expect(el.snapshot.context.answers).to.deep.equal({});
      el.remove();
    }
  });

  it('takes only valid answers from a tampered record and pollutes no prototype', async () => {
    const tampered =
      `{"version":${JSON.stringify(PERSIST_VERSION)},"answers":{"acute":"no","age":"adult","substances":["heroin"],` +
      `"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"housing":"<img src=x onerror=alert(1)>"},` +
      `"details":{"requestDate":"2026-13-45","__proto__":{"polluted":"yes"}}}`;
    sessionStorage.setItem(keyOf('t'), tampered);
    const el = await guide({ id: 't', persist: '', lang: 'en' });
    expect(el.snapshot.context.answers).to.deep.equal({ acute: 'no', age: 'adult' });
    expect(el.snapshot.context.details).to.deep.equal({});
    expect(currentQuestion(el.snapshot)).to.equal('substances');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
  });

  it('writes nothing without persist, and forgets the record when persist is removed', async () => {
    const plain = await guide({ id: 'plain', lang: 'en' });
    await walkToReview(plain, NOTHING);
    expect(sessionStorage.length).to.equal(0);

    const el = await guide({ id: 'p', persist: '', lang: 'en' });
    await answerOnScreen(el, 'no');
    expect(sessionStorage.getItem(keyOf('p'))).to.not.equal(null);
    el.removeAttribute('persist');
    await settle(el);
    expect(sessionStorage.length).to.equal(0);
    await answerOnScreen(el, 'adult');
    expect(sessionStorage.length, 'nothing written once persist is off').to.equal(0);
    expect(el.snapshot.context.answers, 'the answers in memory stay').to.deep.equal({ acute: 'no', age: 'adult' });
  });

  it('keeps two guides on one page apart', async () => {
    const a = await guide({ id: 'first', persist: '', lang: 'en' });
    const b = await guide({ id: 'second', persist: '', lang: 'en' });
    await answerOnScreen(a, 'yes');
    await answerOnScreen(b, 'no');
    expect(JSON.parse(sessionStorage.getItem(keyOf('first'))!).answers).to.deep.equal({ acute: 'yes' });
    expect(JSON.parse(sessionStorage.getItem(keyOf('second'))!).answers).to.deep.equal({ acute: 'no' });
  });

  it('Clear all asks first: Cancel keeps everything; Yes wipes answers, details and the record', async () => {
    const el = await guide({ id: 'c', persist: '', lang: 'en' });
    await walkToReview(el, NOTHING);
    await openPlan(el);
    const control = clearAllEl(el);
    expect(control.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal(enUi.privacy.clearAll);

    await clearAll(el, false);
    expect(screenOf(el)).to.equal('plan');
    expect(Object.keys(el.snapshot.context.answers).length).to.be.greaterThan(5);
    expect(sessionStorage.getItem(keyOf('c'))).to.not.equal(null);
    expect(control.shadowRoot!.activeElement === control.shadowRoot!.querySelector('button'), 'Cancel gives focus back to the button').to.equal(true);

    await clearAll(el, true);
    expect(el.snapshot.context.answers).to.deep.equal({});
    expect(el.snapshot.context.details).to.deep.equal({});
    expect(currentQuestion(el.snapshot)).to.equal('acute');
    expect(sessionStorage.length).to.equal(0);
    expect(noticeOf(el)).to.equal('cleared');
    // A new element for the same id (a reload) starts fresh, with no notice.
    el.remove();
    const again = await guide({ id: 'c', persist: '', lang: 'en' });
    expect(again.snapshot.context.answers).to.deep.equal({});
    expect(noticeOf(again)).to.equal(null);
  });

  it('keeps working, and says so, when the browser refuses storage (quota, blocked storage)', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await guide({ id: 'q', persist: '', lang: 'en' });
      await answerOnScreen(el, 'no');
      await answerOnScreen(el, 'adult');
      expect(noticeOf(el)).to.equal('unavailable');
      expect(noticeText(el)).to.equal(enUi.privacy.unavailable);
      expect(currentQuestion(el.snapshot)).to.equal('substances');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    const proto = Object.getOwnPropertyDescriptor(Window.prototype, 'sessionStorage');
    const where = own ? window : Window.prototype;
    Object.defineProperty(where, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      const el = await guide({ id: 'b', persist: '', lang: 'da' });
      expect(noticeOf(el)).to.equal('unavailable');
      expect(noticeText(el)).to.equal(daUi.privacy.unavailable);
      await answerOnScreen(el, 'no');
      expect(currentQuestion(el.snapshot)).to.equal('age');
    } finally {
      Object.defineProperty(where, 'sessionStorage', (own ?? proto)!);
    }
  });

  it('Clear all works without persist too, and stores nothing', async () => {
    const el = await guide({ lang: 'kl' });
    await answerOnScreen(el, 'no');
    await clearAll(el);
    expect(el.snapshot.context.answers).to.deep.equal({});
    expect(sessionStorage.length).to.equal(0);
  });
});
