/**
 * A scenario as a link: `#scenario=<payload>` in the page's URL fragment. The fragment never
 * reaches a server, and a training scenario holds no personal data (fictional cases only).
 *
 * Payload: `z` + base64url of the deflate-raw compressed JSON where the browser has
 * CompressionStream (every current browser), else `j` + base64url of the plain JSON. No
 * dependency. Decoding stops at MAX_SCENARIO_BYTES of JSON, so a crafted link cannot inflate
 * into megabytes. The decoded value is then validated like any scenario file.
 */
import type { Scenario } from '../../machines/index.ts';
import { InputError } from '../errors.ts';
import { MAX_SCENARIO_BYTES, validateScenario } from './scenario-source.ts';

export const FRAGMENT_KEY = 'scenario';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The fragment payload for a (valid) scenario. */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (canCompress()) {
    return `z${toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER))}`;
  }
  return `j${toBase64Url(json)}`;
}

/** A payload back to a validated scenario; a damaged link throws an InputError. */
export async function decodeScenario(payload: string): Promise<Scenario> {
  let data: unknown;
  try {
    if (payload.length > MAX_SCENARIO_BYTES * 2) throw new Error('too large');
    const bytes = fromBase64Url(payload.slice(1));
    let json: Uint8Array;
    if (payload.startsWith('z') && canCompress()) json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES);
    else if (payload.startsWith('j') && bytes.length <= MAX_SCENARIO_BYTES) json = bytes;
    else throw new Error('unknown encoding');
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (e) {
    throw new InputError('invalid-scenario', 'training:errors.badLink', [{ code: 'not-json', path: [], message: String(e) }]);
  }
  return validateScenario(data);
}

/** The payload in a URL fragment (`#scenario=…`, possibly among other `&`-separated parts). */
export function payloadFromHash(hash: string): string | null {
  const text = hash.replace(/^#/, '');
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === FRAGMENT_KEY) return part.slice(eq + 1);
  }
  return null;
}

/** The page's address with the scenario in its fragment (any other fragment is replaced). */
export async function shareUrl(scenario: Scenario, href: string = location.href): Promise<string> {
  const url = new URL(href);
  url.hash = `${FRAGMENT_KEY}=${await encodeScenario(scenario)}`;
  return url.href;
}
