/**
 * Where a scenario comes from besides the bundled library — a file the trainer picks, the
 * `scenario` attribute's URL, a shared link's `#scenario=…` fragment — and the one check they all
 * pass: the exported `scenarioSchema`. A refused scenario becomes an `InputError` (src/errors.ts)
 * whose message names the field in the user's language; the library stays usable.
 */
import { scenarioSchema, type Scenario } from '../../machines/index.ts';
import { InputError, type InputIssue } from '../errors.ts';

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
 * The `scenario` attribute's file. Only from the page's own origin: the widget never talks to
 * a third party, so a link elsewhere is refused before any request.
 */
export async function fetchScenario(url: string, base: string = document.baseURI): Promise<Scenario> {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw new InputError('invalid-scenario', 'training:errors.unreachable', [issue('unreachable', 'bad URL')], { url });
  }
  if (target.origin !== new URL(base).origin) {
    throw new InputError('invalid-scenario', 'training:errors.otherOrigin', [issue('other-origin', target.origin)], {
      url,
    });
  }
  let text: string;
  try {
    const response = await fetch(target, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    throw new InputError('invalid-scenario', 'training:errors.unreachable', [issue('unreachable', String(e))], { url });
  }
  return parseScenarioText(text, url);
}
