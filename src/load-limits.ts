/**
 * How long the guide waits for a file the host named (the `config` attribute's file, a training
 * `scenario` URL) before it gives up and says so. One setting for the page, changed through the
 * element's class: `customElements.get('referral-guide').loadTimeout = 20_000` (docs/embedding.md).
 * Kept tiny and free of imports: the element reads it up front, the fetching code is a chunk.
 */
export const loadLimits = {
  /** Milliseconds for a whole download (headers and body). */
  timeoutMs: 10_000,
  /** Milliseconds before the "loading …" line shows (a fast file never flashes it). */
  showLoadingAfterMs: 400,
};
