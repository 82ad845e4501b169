/**
 * `npm test` runs this first: the browser tests need Debian's Chromium and Firefox ESR (no npm tool
 * can download a browser here), or the one `BROWSERS` names (scripts/browsers.mjs). As root on
 * Debian it installs a missing package; otherwise it says what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_PATHS, DEBIAN_PACKAGES, selectedBrowsers } from './browsers.mjs';

const ENV_VAR = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH' };

let wanted;
try {
  wanted = selectedBrowsers();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const missing = wanted.filter((name) => !existsSync(BROWSER_PATHS[name]()));
// Debian's package helps only where the default path is missing, not a CHROME_PATH/FIREFOX_PATH typo.
const installable = missing.filter((name) => !process.env[ENV_VAR[name]]);
const root = process.getuid?.() === 0;
if (installable.length > 0 && root && existsSync('/usr/bin/apt-get')) {
  const packages = installable.map((name) => DEBIAN_PACKAGES[name]);
  console.log(`${installable.map((name) => BROWSER_PATHS[name]()).join(', ')} missing: installing Debian's ${packages.join(' and ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}
const stillMissing = wanted.filter((name) => !existsSync(BROWSER_PATHS[name]()));
if (stillMissing.length > 0) {
  const others = wanted.filter((name) => !stillMissing.includes(name));
  console.error(
    `The browser tests need ${stillMissing.map((name) => `${name} at ${BROWSER_PATHS[name]()}`).join(' and ')}.\n` +
      `  Debian/Ubuntu: sudo apt-get install ${stillMissing.map((name) => DEBIAN_PACKAGES[name]).join(' ')}\n` +
      `  elsewhere: install it and set ${stillMissing.map((name) => ENV_VAR[name]).join(' / ')} to its executable` +
      (others.length > 0 ? `,\n  or run the other browser alone: BROWSERS=${others[0]} npm test` : ''),
  );
  process.exit(1);
}
