/** Dates, numbers and lists in the chosen language; Greenlandic dates and lists from CLDR kl data of our own. */
import { expect } from '@open-wc/testing';
import {
  KL_MONTHS,
  addDays,
  formatDate,
  formatList,
  formatNumber,
  intlLocale,
  parseIsoDate,
  readTypedDate,
} from '../../src/i18n/format.ts';

describe('formatting', () => {
  it('formats Danish and English dates through Intl, and Danish numbers for kl where kl data is missing', () => {
    const hasKl = Intl.DateTimeFormat.supportedLocalesOf(['kl']).length > 0;
    expect(intlLocale('kl')).to.equal(hasKl ? 'kl' : 'da-DK');
    expect(formatDate('2026-11-03', 'da')).to.equal('3. november 2026');
    expect(formatDate('2026-11-03', 'en')).to.equal('3 November 2026');
    expect(formatNumber(1234, 'da')).to.equal('1.234');
    expect(formatNumber(1234, 'kl')).to.equal('1.234');
    expect(formatNumber(1234, 'en')).to.equal('1,234');
  });

  it('formats Greenlandic dates with CLDR kl month names and pattern, the same in every browser', () => {
    expect(formatDate('2026-11-22', 'kl')).to.equal('2026 novembarip 22');
    expect(formatDate('2024-01-01', 'kl')).to.equal('2024 januaarip 1');
    expect(formatDate('not a date', 'kl')).to.equal('not a date');
    const hasKl = Intl.DateTimeFormat.supportedLocalesOf(['kl']).length > 0;
    for (let m = 1; m <= 12; m++) {
      const iso = `2026-${String(m).padStart(2, '0')}-15`;
      const kl = formatDate(iso, 'kl');
      expect(kl).to.equal(`2026 ${KL_MONTHS[m - 1]} 15`);
      // never the Danish month name (januar … december) inside a Greenlandic sentence
      const daMonth = formatDate(iso, 'da').split(' ')[1];
      expect(kl.split(' ')).to.not.include(daMonth);
      // where the browser has CLDR kl data (Firefox), it writes exactly the same
      if (hasKl) {
        const intl = new Intl.DateTimeFormat('kl', { dateStyle: 'long', timeZone: 'UTC' });
        expect(kl).to.equal(intl.format(parseIsoDate(iso)!));
      }
    }
  });

  it('joins Greenlandic lists with aamma / imaluunniit, not Danish "og" or English "and"', () => {
    expect(formatList(['a', 'b', 'c'], 'conjunction', 'kl')).to.equal('a, b aamma c');
    expect(formatList(['a', 'b'], 'disjunction', 'kl')).to.equal('a imaluunniit b');
    expect(formatList(['a'], 'conjunction', 'kl')).to.equal('a');
    expect(formatList(['a', 'b'], 'conjunction', 'da')).to.equal('a og b');
    expect(formatList(['a', 'b'], 'disjunction', 'en')).to.equal('a or b');
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
