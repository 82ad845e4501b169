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

/** The national defaults: no local contacts, no local notes. */
export const DEFAULT_CONFIG: ReferralConfig = Object.freeze({});

/** A config file bigger than this is a mistake (a page, a log) rather than a config. */
export const MAX_CONFIG_BYTES = 256 * 1024;

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
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<ReferralConfig> {
  let resolved: URL;
  try {
    resolved = new URL(url, pageUrl);
  } catch {
    throw new InputError('invalid-config', 'errors.config.unreachable', [issue('unreachable', 'not a URL')], { url });
  }
  if (resolved.origin !== new URL(pageUrl).origin || !/^https?:$/.test(resolved.protocol)) {
    throw new InputError(
      'invalid-config',
      'errors.config.otherOrigin',
      [issue('other-origin', `${resolved.origin} is not the page's origin`)],
      { url },
    );
  }
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(resolved.href, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal: options.signal,
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new InputError('invalid-config', 'errors.config.unreachable', [issue('unreachable', String(e))], { url });
  }
  if (!response.ok) {
    throw new InputError(
      'invalid-config',
      'errors.config.unreachable',
      [issue('unreachable', `HTTP ${response.status}`)],
      { url },
    );
  }
  const body = await response.text();
  if (body.length > MAX_CONFIG_BYTES) {
    throw new InputError('invalid-config', 'errors.config.tooLarge', [issue('too-large', `${body.length} bytes`)], {
      url,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    throw new InputError('invalid-config', 'errors.config.notJson', [issue('not-json', String(e))], { url });
  }
  return parseConfig(json, 'attribute', url);
}

export { mergeConfigs } from './merge.ts';
