#!/usr/bin/env node
/**
 * `npm run kl:check` — every Greenlandic (kl) word of the product through a real kalaallisut
 * morphological analyser, against the reviewed allow-list locales/kl-allowlist.json.
 *
 * The analyser is a development tool that lives outside this repository (a foma build of the
 * GiellaLT / Oqaasileriffik Greenlandic model plus its checker `check.py`). It is looked for in
 * $KL_ANALYSER, else in ../shared/tools/kl-analyser next to the repository; `flookup` (Debian
 * package `foma`) must be on PATH or in $FLOOKUP. When either is missing the script says so and
 * exits 0: it is not part of `npm test`.
 *
 * Prints, for locales/kl/*.json (without `_meta`) and for the kl texts of the training
 * scenarios: the analyser's own summary line (tokens, known share — "raw"), the share once the
 * allow-list is applied, and every unknown word that is not on the allow-list, with where it
 * is. A word on the allow-list also covers the word with a Greenlandic ending after a hyphen
 * ("lægevagt-imut"), when the analyser accepts that ending (see locales/GLOSSARY.md).
 *
 * The names kept in Danish (institutions, regions, laws, the Danish titles of sources) are not
 * kl words: they come from one table, locales/names.json, through placeholders
 * (`{{Patientklager}}-imut`). The analyser reads a placeholder as the number 0, so it still
 * checks the ending after the hyphen. So that the names are seen to have moved, not vanished,
 * the script also prints how many word tokens the table supplies to kl text, and the raw share
 * with the names written in. It checks every placeholder of every locale (da, en, kl): one that
 * looks like a name (a capital letter or a dot) must be in the table; any other must be a call
 * site's variable, the same in da, en and kl.
 * Exits 1 when an unknown word is not on the allow-list or a placeholder is wrong.
 *
 *   npm run kl:check            summary + unknown words
 *   npm run kl:check -- -v      also every allow-listed word found, with its count and reason
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillNames, looksLikeName, placeholdersOf, tableOfNames } from './locale-names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
const analyserDir = process.env.KL_ANALYSER
  ? resolve(process.env.KL_ANALYSER)
  : resolve(root, '..', 'shared', 'tools', 'kl-analyser');
const checkPy = join(analyserDir, 'check.py');
const fst = process.env.KAL_FST ?? join(analyserDir, 'kal-analyser.foma');
const flookupBin = process.env.FLOOKUP ?? 'flookup';

function skip(why) {
  console.log(`kl:check skipped — ${why}`);
  console.log(
    'The Greenlandic analyser is a development tool outside this repository. To run the check,\n' +
      'install foma (`apt-get install -y foma` gives flookup) and point KL_ANALYSER at the\n' +
      'directory holding check.py and kal-analyser.foma (default: ../shared/tools/kl-analyser).',
  );
  process.exit(0);
}

if (!existsSync(checkPy) || !existsSync(fst)) skip(`no analyser at ${analyserDir}`);
const probe = spawnSync(flookupBin, ['-h'], { encoding: 'utf8' });
if (probe.error) skip(`\`${flookupBin}\` not found`);
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
if (python.error) skip('python3 not found');

// ---- the texts ---------------------------------------------------------------------------

/** Leaf strings with their dotted key, `_meta` left out at any depth (as extract_strings.py). */
function leaves(node, prefix, out, pick = () => true) {
  if (typeof node === 'string') {
    if (pick(prefix)) out.push({ key: prefix, text: node.replace(/\n/g, ' ') });
  } else if (Array.isArray(node)) {
    node.forEach((v, i) => leaves(v, prefix ? `${prefix}.${i}` : String(i), out, pick));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '_meta' || (!prefix && k === 'needsReview')) continue;
      leaves(v, prefix ? `${prefix}.${k}` : k, out, pick);
    }
  }
  return out;
}

const localeDir = join(root, 'locales', 'kl');
const localeStrings = readdirSync(localeDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) =>
    leaves(JSON.parse(readFileSync(join(localeDir, f), 'utf8')), '', []).map((s) => ({ ...s, file: `locales/kl/${f}` })),
  );

const scenarioDir = join(root, 'src', 'training', 'scenarios');
const scenarioStrings = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) =>
    leaves(JSON.parse(readFileSync(join(scenarioDir, f), 'utf8')), '', [], (key) => /(^|\.)kl(\.|$)/.test(key)).map(
      (s) => ({ ...s, file: `src/training/scenarios/${f}` }),
    ),
  );

// ---- the allow-list ------------------------------------------------------------------------

const allowFile = join(root, 'locales', 'kl-allowlist.json');
const allowData = JSON.parse(readFileSync(allowFile, 'utf8'));
const allow = new Map(allowData.words.map((e) => [e.word.toLowerCase(), e]));

// ---- the analyser --------------------------------------------------------------------------

function runCheck(text, flag) {
  const res = spawnSync('python3', [checkPy, flag], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, KAL_FST: fst, FLOOKUP: flookupBin },
  });
  if (res.status !== 0) {
    console.error(`kl:check: the analyser failed (${res.status}): ${res.stderr.trim()}`);
    process.exit(2);
  }
  return res.stdout;
}

/** Which of these strings the analyser accepts ({string: true}). */
function accepted(strings) {
  const list = [...new Set(strings)];
  if (list.length === 0) return new Set();
  const res = spawnSync(flookupBin, [fst], { input: list.join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ok = new Set();
  for (const line of res.stdout.split('\n')) {
    const [w, a] = line.split('\t');
    if (a !== undefined && a !== '+?') ok.add(w);
  }
  return ok;
}

const DUMMY_STEMS = ['1', '2', 'A'];

/** How each unknown word is covered: allow-list entry, name + ending, or not at all. */
function cover(unknownWords) {
  const endingCandidates = [];
  const splits = new Map();
  for (const w of unknownWords) {
    if (allow.has(w.toLowerCase()) || !w.includes('-')) continue;
    const parts = w.split('-');
    // the longest front that is allow-listed; the rest must be Greenlandic endings
    for (let i = parts.length - 1; i >= 1; i--) {
      const front = parts.slice(0, i).join('-');
      if (allow.has(front.toLowerCase())) {
        const rest = parts.slice(i);
        splits.set(w, { front, rest });
        for (const p of rest) for (const d of DUMMY_STEMS) endingCandidates.push(`${d}-${p}`, `${d}-${p.toLowerCase()}`);
        break;
      }
    }
  }
  const endingsOk = accepted(endingCandidates);
  const result = new Map();
  for (const w of unknownWords) {
    const entry = allow.get(w.toLowerCase());
    if (entry) {
      result.set(w, { entry });
      continue;
    }
    const split = splits.get(w);
    if (split && split.rest.every((p) => DUMMY_STEMS.some((d) => endingsOk.has(`${d}-${p}`) || endingsOk.has(`${d}-${p.toLowerCase()}`)))) {
      result.set(w, { entry: allow.get(split.front.toLowerCase()), ending: split.rest.join('-') });
    } else {
      result.set(w, null);
    }
  }
  return result;
}

const RE_TOKEN = /[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*/gu;
const tokensOf = (text) => text.replace(/\{\{[^{}]*\}\}/g, '0').match(RE_TOKEN) ?? [];

function where(word, strings) {
  const hits = strings.filter((s) => tokensOf(s.text).includes(word)).map((s) => `${s.file.replace(/^.*\//, '')} ${s.key}`);
  return hits.length > 3 ? `${hits.slice(0, 3).join(', ')} … (+${hits.length - 3})` : hits.join(', ');
}

const seenAllowed = new Set();

function report(title, strings) {
  const text = strings.map((s) => s.text).join('\n') + '\n';
  const summary = runCheck(text, '-c').trim();
  const verdicts = runCheck(text, '-v')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map(([v, n, w]) => ({ known: v === 'KNOWN', count: Number(n), word: w }));
  const unknown = verdicts.filter((v) => !v.known);
  const covered = cover(unknown.map((u) => u.word));
  const tokens = verdicts.reduce((a, v) => a + v.count, 0);
  const knownTokens = verdicts.filter((v) => v.known).reduce((a, v) => a + v.count, 0);
  let allowedTokens = 0;
  const byReason = new Map();
  const missing = [];
  for (const u of unknown) {
    const c = covered.get(u.word);
    if (c) {
      allowedTokens += u.count;
      seenAllowed.add(c.entry.word.toLowerCase());
      byReason.set(c.entry.reason, (byReason.get(c.entry.reason) ?? 0) + u.count);
      if (verbose) console.log(`  allowed  ${String(u.count).padStart(3)}  ${u.word}  (${c.entry.reason}${c.ending ? `, + ending -${c.ending}` : ''})`);
    } else {
      missing.push(u);
    }
  }
  const pct = (n) => (tokens ? ((100 * n) / tokens).toFixed(1) : '0.0');
  console.log(`\n${title}`);
  console.log(`  raw (analyser alone):  ${summary}`);
  console.log(
    `  with the allow-list:   ${allowedTokens} more tokens accepted (${[...byReason].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}); ` +
      `known or allow-listed ${pct(knownTokens + allowedTokens)}%`,
  );
  if (missing.length === 0) {
    console.log('  unknown words not on the allow-list: none');
  } else {
    console.log(`  unknown words not on the allow-list: ${missing.length}`);
    for (const m of missing.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))) {
      console.log(`    ${String(m.count).padStart(3)}  ${m.word}   — ${where(m.word, strings)}`);
    }
  }
  return missing.length;
}

// ---- the names table ---------------------------------------------------------------------

const names = tableOfNames();

/**
 * What the table supplies to these kl strings: placeholders, the word tokens of the names they
 * stand for, and the analyser's summary of the same strings with the names written in.
 */
function reportNames(strings) {
  const used = new Map();
  for (const s of strings) for (const key of placeholdersOf(s.text)) if (names.has(key)) used.set(key, (used.get(key) ?? 0) + 1);
  const placeholders = [...used.values()].reduce((a, n) => a + n, 0);
  const nameTokens = [...used].reduce((a, [key, n]) => a + n * tokensOf(names.get(key)).length, 0);
  const filled = strings.map((s) => fillNames(s.text, names)).join('\n') + '\n';
  console.log(
    `  names (locales/names.json): ${placeholders} placeholders of ${used.size} names supply ${nameTokens} word tokens of Danish names,\n` +
      `                         not counted above; with the names written in: ${runCheck(filled, '-c').trim()}`,
  );
}

/** Every placeholder of every locale string: a name of the table, or a call site's variable used alike in da, en and kl. */
function checkPlaceholders() {
  const byKey = new Map(); // file:key → lang → placeholders
  for (const lang of ['da', 'en', 'kl']) {
    const dir = join(root, 'locales', lang);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      for (const s of leaves(JSON.parse(readFileSync(join(dir, f), 'utf8')), '', [])) {
        const id = `${f} ${s.key}`;
        if (!byKey.has(id)) byKey.set(id, new Map());
        byKey.get(id).set(lang, placeholdersOf(s.text));
      }
    }
  }
  const problems = [];
  for (const [id, langs] of byKey) {
    for (const [lang, keys] of langs) {
      for (const key of keys) {
        if (names.has(key)) continue;
        if (looksLikeName(key)) problems.push(`locales/${lang}/${id}: {{${key}}} is not in locales/names.json`);
        else if (!['da', 'en', 'kl'].every((l) => langs.get(l)?.includes(key)))
          problems.push(`locales/${lang}/${id}: {{${key}}} is neither in locales/names.json nor a call site's variable used in da, en and kl`);
      }
    }
  }
  const unused = [...names.keys()].filter((key) => ![...byKey.values()].some((langs) => [...langs.values()].some((keys) => keys.includes(key))));
  console.log(
    `\nplaceholders of locales/{da,en,kl}/*.json: ${problems.length ? `${problems.length} wrong` : 'every name is in locales/names.json'}` +
      (unused.length ? `; names no text uses: ${unused.join(', ')}` : ''),
  );
  for (const p of problems) console.log(`    ${p}`);
  return problems.length;
}

console.log(`kl:check — analyser ${analyserDir}`);
const reasons = new Map();
for (const e of allowData.words) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
console.log(
  `allow-list locales/kl-allowlist.json: ${allowData.words.length} words (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')})`,
);
let failures = report('locales/kl/*.json (without _meta)', localeStrings);
reportNames(localeStrings);
failures += report('kl texts of the training scenarios (src/training/scenarios/*.json)', scenarioStrings);
const wrongPlaceholders = checkPlaceholders();

const stale = allowData.words.filter((e) => !seenAllowed.has(e.word.toLowerCase()));
if (stale.length) {
  console.log(`\nallow-list words no longer needed (the analyser knows them now, or no kl text uses them): ${stale.map((e) => e.word).join(', ')}`);
}
if (failures) {
  console.log(`\nkl:check: ${failures} unknown word(s) outside the allow-list — fix the word, or add it with its reason to locales/kl-allowlist.json.`);
}
if (wrongPlaceholders) console.log(`\nkl:check: ${wrongPlaceholders} placeholder(s) neither a name of locales/names.json nor a call site's variable.`);
if (failures || wrongPlaceholders) process.exit(1);
console.log('\nkl:check: every unknown word is on the allow-list; every name placeholder is in locales/names.json.');
