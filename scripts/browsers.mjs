/**
 * The browsers the tests run in, shared by web-test-runner.config.mjs and scripts/ensure-browser.mjs.
 *
 * `BROWSERS` picks them: `chromium`, `firefox`, or both (the default, `chromium,firefox`).
 * `CHROME_PATH` and `FIREFOX_PATH` point at other executables than Debian's.
 */
export const KNOWN_BROWSERS = ['chromium', 'firefox'];

export const BROWSER_PATHS = {
  chromium: () => process.env.CHROME_PATH || '/usr/bin/chromium',
  firefox: () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
};

/** Debian's package for each browser. */
export const DEBIAN_PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' };

/** The browsers `BROWSERS` names, in a fixed order; throws on a name it does not know. */
export function selectedBrowsers(value = process.env.BROWSERS) {
  if (value === undefined || value.trim() === '') return [...KNOWN_BROWSERS];
  const names = value.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !KNOWN_BROWSERS.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`BROWSERS=${value}: use ${KNOWN_BROWSERS.join(', ')} or both, comma-separated (unknown: ${unknown.join(', ')})`);
  }
  return KNOWN_BROWSERS.filter((n) => names.includes(n));
}
