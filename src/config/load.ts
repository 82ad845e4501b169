/**
 * Where a configuration comes from and how layers combine: national defaults < the `config`
 * property (an object) < the `config` attribute (the URL of a JSON file). Each layer is
 * validated on its own; a layer that fails is dropped with an InputError, the others still apply.
 *
 * The attribute's file is the only request the widget ever makes, and only to the page's own
 * origin: the file is the host's, not ours.
 */
import { InputError, type InputIssue } from '../errors.ts';
import { referralConfigSchema, type ReferralConfig } from './schema.ts';
import { fetchLimitedText, LimitedFetchError, type LimitedFetchProblem } from '../fetch-limited.ts';
import { loadLimits } from '../load-limits.ts';

/** The national defaults: no local contacts, no local notes. */
export const DEFAULT_CONFIG: ReferralConfig = Object.freeze({});

/**
 * The most a config *file* may weigh, in bytes. The download stops here (src/fetch-limited.ts).
 * It agrees with the schema: the schema holds a config's data to MAX_CONFIG_DATA_BYTES
 * (src/config/schema.ts), and every config the schema accepts, written out with up to four
 * spaces of indentation, fits under this cap (test/security/attack-edges.test.ts builds the
 * largest one). So a file refused as too large could never have been a valid config.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;
export { MAX_CONFIG_DATA_BYTES } from './schema.ts';

function issue(code: string, message: string): InputIssue {
  return { code, path: [], message };
}

/** An object literal or parsed JSON: its prototype is Object.prototype (of any frame) or null. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Validates a config object (the property, or a parsed file). Throws InputError. */
export function parseConfig(value: unknown, source: 'property' | 'attribute', url?: string): ReferralConfig {
  const key = source === 'attribute' ? 'errors.config.invalidFile' : 'errors.config.invalidProperty';
  const params = url === undefined ? {} : { url };
  let result: ReturnType<typeof referralConfigSchema.safeParse>;
  try {
    // A Map, a class instance or a DOM object has no own fields for the schema to refuse, and
    // would pass as an empty config: only plain data (an object literal, parsed JSON, also from
    // another frame) is a config.
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value)) {
      const notPlain = { code: 'invalid_type', expected: 'object', path: [], message: 'expected a plain object' };
      throw new InputError('invalid-config', key, [notPlain], params, value);
    }
    result = referralConfigSchema.safeParse(value);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A host object whose getters or proxy traps throw: bad input, not a crash of the guide.
    throw new InputError('invalid-config', key, [issue('unreadable', String(e))], params);
  }
  if (result.success) return result.data;
  throw new InputError('invalid-config', key, result.error.issues as unknown as InputIssue[], params, value);
}

/**
 * Fetches and validates the host's config file. `pageUrl` is the page's address (relative URLs
 * resolve against it, and the file must be on its origin). Throws InputError.
 */
export async function loadConfigFile(
  url: string,
  pageUrl: string,
  options: { signal?: AbortSignal; fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ReferralConfig> {
  let resolved: URL;
  try {
    resolved = new URL(url, pageUrl);
  } catch {
    throw new InputError('invalid-config', 'errors.config.unreachable', [issue('unreachable', 'not a URL')], { url });
  }
  let body: string;
  try {
    body = await fetchLimitedText(resolved, new URL(pageUrl).origin, { ...options, maxBytes: MAX_CONFIG_BYTES });
  } catch (e) {
    if (!(e instanceof LimitedFetchError)) throw e; // aborted from outside: the caller moved on
    const seconds = Math.round((options.timeoutMs ?? loadLimits.timeoutMs) / 100) / 10;
    throw new InputError('invalid-config', LOAD_KEYS[e.problem], [issue(e.problem, e.message)], { url, seconds });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    throw new InputError('invalid-config', 'errors.config.notJson', [issue('not-json', String(e))], { url });
  }
  return parseConfig(json, 'attribute', url);
}

const LOAD_KEYS: Record<LimitedFetchProblem, string> = {
  unreachable: 'errors.config.unreachable',
  'other-origin': 'errors.config.otherOrigin',
  'too-large': 'errors.config.tooLarge',
  timeout: 'errors.config.timeout',
};

export { mergeConfigs } from './merge.ts';
