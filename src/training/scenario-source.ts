/**
 * Where a scenario comes from besides the bundled library — a file the trainer picks, the
 * `scenario` attribute's URL, a shared link's `#scenario=…` fragment — and the one check they all
 * pass: the exported `scenarioSchema`. A refused scenario becomes an `InputError` (src/errors.ts)
 * whose message names the field in the user's language; the library stays usable.
 */
import { scenarioSchema, type Scenario } from '../../machines/index.ts';
import { InputError, type InputIssue } from '../errors.ts';
import { fetchLimitedText, LimitedFetchError, type LimitedFetchProblem } from '../fetch-limited.ts';
import { loadLimits } from '../load-limits.ts';

/** Larger than any real scenario (the bundled ones are 5–10 kB) and small enough to refuse junk. */
export const MAX_SCENARIO_BYTES = 200_000;

const issue = (code: string, message: string): InputIssue => ({ code, path: [], message });

/** Validates parsed JSON; throws an InputError naming every field at fault. */
export function validateScenario(data: unknown): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return result.data;
  throw new InputError('invalid-scenario', 'training:errors.invalid', result.error.issues as unknown as InputIssue[], {}, data);
}

/** A scenario file's text → a valid scenario (or an InputError: not JSON, too large, invalid). */
export function parseScenarioText(text: string, name = ''): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) {
    throw new InputError('invalid-scenario', 'training:errors.tooLarge', [issue('too-large', 'file too large')], { name });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError('invalid-scenario', 'training:errors.notJson', [issue('not-json', String(e))], { name });
  }
  return validateScenario(data);
}

export async function readScenarioFile(file: File): Promise<Scenario> {
  if (file.size > MAX_SCENARIO_BYTES) {
    throw new InputError('invalid-scenario', 'training:errors.tooLarge', [issue('too-large', 'file too large')], {
      name: file.name,
    });
  }
  return parseScenarioText(await file.text(), file.name);
}

/**
 * The `scenario` attribute's file. Only from the page's own origin (also after redirects): the
 * widget never talks to a third party, so a link elsewhere is refused before any request. A
 * server that does not answer within the time limit (src/load-limits.ts) is reported as such,
 * and the download stops at the size cap (a text within MAX_SCENARIO_BYTES characters is at most
 * three times as many UTF-8 bytes).
 */
export async function fetchScenario(
  url: string,
  base: string = document.baseURI,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Scenario> {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw new InputError('invalid-scenario', 'training:errors.unreachable', [issue('unreachable', 'bad URL')], { url });
  }
  let text: string;
  try {
    text = await fetchLimitedText(target, new URL(base).origin, { ...options, maxBytes: MAX_SCENARIO_BYTES * 3 });
  } catch (e) {
    if (!(e instanceof LimitedFetchError)) throw e;
    const seconds = Math.round((options.timeoutMs ?? loadLimits.timeoutMs) / 100) / 10;
    throw new InputError('invalid-scenario', LOAD_KEYS[e.problem], [issue(e.problem, e.message)], { url, seconds });
  }
  return parseScenarioText(text, url);
}

const LOAD_KEYS: Record<LimitedFetchProblem, string> = {
  unreachable: 'training:errors.unreachable',
  'other-origin': 'training:errors.otherOrigin',
  'too-large': 'training:errors.tooLarge',
  timeout: 'training:errors.timeout',
};
