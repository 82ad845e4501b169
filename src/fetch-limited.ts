/**
 * The one way the guide fetches a file a host named (the `config` attribute's file, a training
 * `scenario` URL): from the page's own origin only, within a time limit, and never more than a
 * size cap. A server that never answers, drips a byte a second or redirects elsewhere must not
 * leave the guide silent: each ends in a `LimitedFetchError` the caller turns into a message.
 *
 * - The origin is checked before the request and again on the response's final URL (after
 *   redirects): a same-origin address that redirects to another origin is refused.
 * - The time limit covers the whole download (headers and body), so a drip is caught too.
 * - The body is read as a stream and the reading stops at the cap (the request is cancelled);
 *   a `Content-Length` over the cap is refused before any byte of the body is read.
 */
import { loadLimits } from './load-limits.ts';

export type LimitedFetchProblem = 'unreachable' | 'other-origin' | 'too-large' | 'timeout';

export class LimitedFetchError extends Error {
  readonly problem: LimitedFetchProblem;
  constructor(problem: LimitedFetchProblem, message: string) {
    super(message);
    this.name = 'LimitedFetchError';
    this.problem = problem;
  }
}

export interface LimitedFetchOptions {
  /** Abort from outside (the attribute changed): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds for the whole download; default `loadLimits.timeoutMs`. */
  timeoutMs?: number;
  maxBytes: number;
  fetch?: typeof fetch;
}

/**
 * GETs `url` (already resolved) from `origin` and returns its text. Throws LimitedFetchError,
 * or the outside signal's reason when that signal aborted.
 */
export async function fetchLimitedText(url: URL, origin: string, options: LimitedFetchOptions): Promise<string> {
  if (url.origin !== origin || !/^https?:$/.test(url.protocol)) {
    throw new LimitedFetchError('other-origin', `${url.origin} is not the page's origin`);
  }
  const timeoutMs = options.timeoutMs ?? loadLimits.timeoutMs;
  const control = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    control.abort(new LimitedFetchError('timeout', `no complete answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const outside = options.signal;
  const onOutside = () => control.abort(outside?.reason);
  if (outside?.aborted) onOutside();
  outside?.addEventListener('abort', onOutside, { once: true });
  const failure = (e: unknown): unknown => {
    if (timedOut) return new LimitedFetchError('timeout', `no complete answer within ${timeoutMs} ms`);
    if (outside?.aborted) return outside.reason;
    if (e instanceof LimitedFetchError) return e;
    return new LimitedFetchError('unreachable', String(e));
  };
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url.href, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        signal: control.signal,
      });
    } catch (e) {
      throw failure(e);
    }
    // After redirects: the address the answer really came from (empty for a hand-made Response).
    const finalOrigin = response.url ? new URL(response.url).origin : url.origin;
    if (finalOrigin !== origin) {
      void response.body?.cancel().catch(() => {});
      throw new LimitedFetchError('other-origin', `redirected to ${finalOrigin}`);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new LimitedFetchError('unreachable', `HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      void response.body?.cancel().catch(() => {});
      throw new LimitedFetchError('too-large', `${declared} bytes declared`);
    }
    return await readCapped(response, options.maxBytes).catch((e: unknown) => {
      throw failure(e);
    });
  } finally {
    clearTimeout(timer);
    outside?.removeEventListener('abort', onOutside);
  }
}

/** The body as UTF-8 text, read chunk by chunk; past `maxBytes` the stream is cancelled. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new LimitedFetchError('too-large', `more than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
