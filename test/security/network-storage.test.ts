/**
 * Nothing leaves the element and nothing stays behind (contract.md, SECURITY.md): full paths in
 * all three languages to the plan make no network request beyond the page's own module files,
 * call no fetch / XMLHttpRequest / sendBeacon / WebSocket / EventSource / window.open, and leave
 * nothing in localStorage, sessionStorage, IndexedDB, cookies, Cache Storage or a service worker.
 * With `persist`, exactly one sessionStorage record holds the answers, and Clear all removes it.
 *
 * The network APIs are wrapped before the element's module is loaded (dynamic import below).
 */
import { expect } from '@open-wc/testing';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { FULL_PATHS, clearAll, openPlan, settle, walkToReview } from './drive.ts';

const calls: string[] = [];
const record = (what: string) => calls.push(`${what}\n${new Error().stack?.split('\n').slice(2, 5).join('\n')}`);

function wrapNetwork() {
  const fetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    record(`fetch ${String(args[0])}`);
    return fetch.apply(this, args);
  } as typeof fetch;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    record(`XMLHttpRequest ${String(args[1])}`);
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof open;
  navigator.sendBeacon = (url: string | URL) => {
    record(`sendBeacon ${String(url)}`);
    return false;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      record(`WebSocket ${String(url)}`);
      super(url, protocols);
    }
  };
  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      record(`EventSource ${String(url)}`);
      super(url, init);
    }
  };
  window.open = (url?: string | URL) => {
    record(`window.open ${String(url)}`);
    return null;
  };
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register = async (url: string | URL) => {
      record(`serviceWorker.register ${String(url)}`);
      throw new Error('refused in this test');
    };
  }
}

async function wipeStorage() {
  localStorage.clear();
  sessionStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
}

async function storageLeft(): Promise<Record<string, unknown>> {
  const left: Record<string, unknown> = {};
  if (localStorage.length) left.localStorage = Object.keys(localStorage);
  if (sessionStorage.length) left.sessionStorage = Object.keys(sessionStorage);
  if (document.cookie !== '') left.cookies = document.cookie;
  const dbs = await indexedDB.databases();
  if (dbs.length) left.indexedDB = dbs.map((d) => d.name);
  if ('caches' in window) {
    const keys = await caches.keys();
    if (keys.length) left.caches = keys;
  }
  if (navigator.serviceWorker) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    if (registrations.length) left.serviceWorkers = registrations.map((r) => r.scope);
  }
  return left;
}

/** Every resource the page has fetched that is not one of its own module files. */
function foreignResources(entries: PerformanceEntryList): string[] {
  return (entries as PerformanceResourceTiming[])
    .filter((e) => {
      const url = new URL(e.name);
      if (url.origin === location.origin && url.pathname === '/favicon.ico') return false; // the browser's, for the test page
      const own = url.origin === location.origin;
      const moduleFile = /\.(?:js|mjs|ts|json)$/.test(url.pathname) || url.pathname.startsWith('/__web-dev-server');
      return !(own && moduleFile && (e.initiatorType === 'script' || e.initiatorType === 'other' || e.initiatorType === 'link'));
    })
    .map((e) => `${e.initiatorType} ${e.name}`);
}

const observed: PerformanceEntry[] = [];

describe('network and storage', function () {
  this.timeout(60_000);

  before(async () => {
    wrapNetwork();
    await wipeStorage();
    await import('../../src/index.ts');
    // The screens after the first question are a module of their own, loaded on first use (or
    // when the browser is idle): same origin, part of the element. Load them here too.
    await import('../../src/screens.ts');
    // So are the statechart and i18next, which load once the first question is on screen.
    await import('../../src/controllers/statechart.ts');
    await import('../../src/i18n/i18next-core.ts');
    // From here on the page has all its modules: any request is the guide's doing.
    new PerformanceObserver((list) => observed.push(...list.getEntries())).observe({ type: 'resource', buffered: false });
  });

  afterEach(() => {
    document.querySelectorAll('referral-guide').forEach((el) => el.remove());
  });

  it('walks full paths in da, kl and en with no request beyond its module files and nothing stored', async () => {
    const loadedBefore = performance.getEntriesByType('resource').length;
    let plans = 0;
    for (const lang of ['da', 'kl', 'en']) {
      for (const answers of Object.values(FULL_PATHS)) {
        const el = document.createElement('referral-guide') as ReferralGuide;
        el.setAttribute('lang', lang);
        document.body.append(el);
        await settle(el);
        await walkToReview(el, answers);
        await openPlan(el);
        plans++;
        // Back, Change, the note language and Restart on the plan: still nothing goes out.
        el.setAttribute('lang', lang === 'en' ? 'da' : 'en');
        await settle(el);
        el.remove();
      }
    }
    expect(plans).to.equal(9);
    await new Promise((r) => setTimeout(r, 50)); // let the observer see late requests
    expect(calls, calls.join('\n\n')).to.deep.equal([]);
    expect(observed.map((e) => e.name), 'requests while the guide ran').to.deep.equal([]);
    const all = performance.getEntriesByType('resource');
    expect(all.length).to.equal(loadedBefore);
    expect(foreignResources(all), 'resources that are not the page’s own module files').to.deep.equal([]);
    expect(await storageLeft()).to.deep.equal({});
  });

  it('with persist keeps exactly one sessionStorage record of answers and details, which Clear all removes', async () => {
    const el = document.createElement('referral-guide') as ReferralGuide;
    el.id = 'intake';
    el.setAttribute('persist', '');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await settle(el);
    await walkToReview(el, FULL_PATHS['acute, then dual diagnosis, homeless, Greenlandic']);
    await openPlan(el);
    expect(Object.keys(sessionStorage)).to.deep.equal([`referral-guide:${location.pathname}${location.search}#intake`]);
    const stored = JSON.parse(sessionStorage.getItem(`referral-guide:${location.pathname}${location.search}#intake`)!);
    expect(Object.keys(stored).sort()).to.deep.equal(['answers', 'details', 'version']);
    expect(stored.answers).to.deep.equal(el.snapshot.context.answers);
    const { sessionStorage: _only, ...elsewhere } = await storageLeft();
    expect(elsewhere, 'nothing outside sessionStorage').to.deep.equal({});
    await clearAll(el);
    expect(await storageLeft()).to.deep.equal({});
    expect(el.snapshot.context.answers).to.deep.equal({});
    expect(calls, calls.join('\n\n')).to.deep.equal([]);
    expect(observed.map((e) => e.name)).to.deep.equal([]);
  });
});
