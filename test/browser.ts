/**
 * The browser the tests run in (`npm test` runs every file in Chromium and in Firefox ESR), and a
 * test that one of them cannot run: it is skipped there by name, with the reason, never passed.
 */
export type TestBrowser = 'chromium' | 'firefox';

export const testBrowser: TestBrowser = /\bFirefox\//.test(navigator.userAgent) ? 'firefox' : 'chromium';

const LABEL: Record<TestBrowser, string> = { chromium: 'Chromium', firefox: 'Firefox' };

/**
 * `it(name, fn)`, except in `browser`: there the test is registered as skipped, its name says why
 * ("… — skipped in Firefox: <reason>"), and the reason is logged, so the run's browser logs and its
 * skipped count show it.
 */
export function itExceptIn(browser: TestBrowser, reason: string, name: string, fn: (this: Mocha.Context) => Promise<void>) {
  if (testBrowser !== browser) return it(name, fn);
  const skipped = `${name} — skipped in ${LABEL[browser]}: ${reason}`;
  console.warn(`skipped: ${skipped}`);
  return it.skip(skipped, fn);
}
