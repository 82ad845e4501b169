/**
 * Soft hyphens (U+00AD) at the syllable breaks of long Greenlandic words. No browser ships
 * hyphenation patterns for kalaallisut, so `hyphens: auto` does nothing for it and a long word
 * in a narrow column broke anywhere, without a hyphen ("Navianartorsiorne|q"). With these break
 * points the browser hyphenates it where a reader expects: Na-via-nar-tor-sior-neq.
 *
 * Kalaallisut syllables are regular: a consonant between vowels opens the next syllable, and a
 * cluster splits before its last consonant (*ng* is one consonant: *-nng-* splits n|ng). The
 * break never leaves fewer than three letters on either side. Only words of 10 letters or more,
 * written in Greenlandic spelling (its letters; e and o only before q or r) get breaks: Danish
 * names (Sundhedsstyrelsen, Patientklager, Folketingets) stay whole,
 * and so does any chunk that looks like a URL, a file name or an e-mail address.
 *
 * The translator applies this to every kl string it returns; text that leaves the screen (the
 * summary for the case file, the clipboard) goes through `withoutSoftHyphens`.
 */
export const SOFT_HYPHEN = '\u00ad';

const GREENLANDIC_LETTERS = /^[aeiouptkqsmnglrvfj]+$/i;
/** In Greenlandic spelling e and o stand only before q or r (or as ee, oo): Patientklager is Danish. */
const NOT_GREENLANDIC_EO = /[eo](?![eoqr])/i;
const isGreenlandic = (word: string) => GREENLANDIC_LETTERS.test(word) && !NOT_GREENLANDIC_EO.test(word);
const VOWEL = /[aeiou]/i;
const MIN_WORD = 10;
const MIN_SIDE = 3;

function breakWord(word: string): string {
  if (word.length < MIN_WORD || !isGreenlandic(word)) return word;
  const lower = word.toLowerCase();
  const cuts: number[] = [];
  for (let j = 1; j < lower.length; j++) {
    if (!VOWEL.test(lower[j]) || VOWEL.test(lower[j - 1])) continue;
    // the consonant that opens this syllable: "ng" counts as one
    const start = j >= 2 && lower[j - 2] === 'n' && lower[j - 1] === 'g' ? j - 2 : j - 1;
    if (start >= MIN_SIDE && lower.length - start >= MIN_SIDE) cuts.push(start);
  }
  let out = '';
  let from = 0;
  for (const cut of cuts) {
    out += word.slice(from, cut) + SOFT_HYPHEN;
    from = cut;
  }
  return out + word.slice(from);
}

/** `text` with soft hyphens in its long Greenlandic words. */
export function softHyphens(text: string): string {
  return text
    .split(/(\s+)/)
    .map((chunk) => (/[/@:.]\S|\w\.\w/.test(chunk) ? chunk : chunk.replace(/\p{L}+/gu, breakWord)))
    .join('');
}

export function withoutSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '');
}
