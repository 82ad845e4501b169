/**
 * `npm test` runs this first: the browser tests need Debian's Chromium (no npm tool can download a
 * browser here). As root on Debian it installs the package; otherwise it says what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(browser)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`${browser} is missing: installing Debian's chromium package …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else {
    console.error(
      `The browser tests need Chromium at ${browser}.\n` +
        `  Debian/Ubuntu: sudo apt-get install chromium\n` +
        `  elsewhere: install Chromium or Chrome and set CHROME_PATH to its executable.`,
    );
    process.exit(1);
  }
}
