/** Dates and numbers through Intl in the chosen language, Danish formats where kl data is missing. */
import { expect } from '@open-wc/testing';
import { addDays, formatDate, formatNumber, intlLocale, readTypedDate } from '../../src/i18n/format.ts';

describe('formatting', () => {
  it('formats Greenlandic with kl data when the browser has it, else with Danish formats', () => {
    const hasKl = Intl.DateTimeFormat.supportedLocalesOf(['kl']).length > 0;
    expect(intlLocale('kl')).to.equal(hasKl ? 'kl' : 'da-DK');
    expect(formatDate('2026-11-03', 'da')).to.equal('3. november 2026');
    if (!hasKl) expect(formatDate('2026-11-03', 'kl')).to.equal('3. november 2026');
    else expect(formatDate('2026-11-03', 'kl')).to.not.match(/^November/);
    expect(formatDate('2026-11-03', 'en')).to.equal('3 November 2026');
    expect(formatNumber(1234, 'da')).to.equal('1.234');
    expect(formatNumber(1234, 'en')).to.equal('1,234');
  });

  it('formats small whole numbers exactly as Intl does in every language (its shortcut)', () => {
    for (const lang of ['da', 'kl', 'en'] as const) {
      const intl = new Intl.NumberFormat(intlLocale(lang));
      for (let n = 0; n < 1000; n++) expect(formatNumber(n, lang)).to.equal(intl.format(n));
      expect(formatNumber(2.5, lang)).to.equal(intl.format(2.5));
      expect(formatNumber(-3, lang)).to.equal(intl.format(-3));
    }
  });

  it('reads dates the way caseworkers type them and refuses impossible ones', () => {
    expect(readTypedDate('2026-11-03')).to.equal('2026-11-03');
    expect(readTypedDate('3.11.2026')).to.equal('2026-11-03');
    expect(readTypedDate('03-11-2026')).to.equal('2026-11-03');
    expect(readTypedDate('3/11/2026')).to.equal('2026-11-03');
    expect(readTypedDate('31.02.2026')).to.equal(null);
    expect(readTypedDate('2026-13-01')).to.equal(null);
    expect(readTypedDate('next week')).to.equal(null);
  });

  it('counts deadline days on the calendar, across month ends', () => {
    expect(addDays('2026-11-03', 14)).to.equal('2026-11-17');
    expect(addDays('2026-11-03', 30)).to.equal('2026-12-03');
    expect(addDays('2026-12-25', 14)).to.equal('2027-01-08');
    expect(addDays('not a date', 14)).to.equal(null);
  });
});
