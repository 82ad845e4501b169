import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rulesValidAsOf } from '../../machines/rules-date.ts';
import type { Answers, Details } from '../../machines/types.ts';
import type { MachineController } from './machine-controller.ts';

/**
 * Opt-in persistence (the `persist` attribute): the answers and details of one guide survive a
 * reload of the page within the same browser tab, in `sessionStorage`, and nowhere else.
 *
 * - Nothing is read or written without `persist`. Removing the attribute deletes the record.
 * - The record is `{ version, answers, details }` under a key of its own (`key` below): the
 *   name the host gives it (`persist="case-a"`), else the page's path and query with the
 *   element's id. Two guides never share a record: a guide whose key another guide on the page
 *   already holds keeps nothing, says so and reports it (`onShared`).
 * - `version` is the rules' date plus this format's number: answers given under other rules are
 *   discarded on load, with a notice, never silently applied to new rules.
 * - Restoring goes through the machine's `input`, which re-validates every answer.
 * - `clear()` ("Clear all") forgets the answers and deletes the record.
 */
export const PERSIST_FORMAT = 1;
export const PERSIST_VERSION = `${rulesValidAsOf}#${PERSIST_FORMAT}`;
export const PERSIST_PREFIX = 'referral-guide:';

export type PersistNotice = 'restored' | 'discarded-version' | 'discarded-unreadable' | 'cleared' | 'unavailable' | 'shared';

/** The guides holding a key, per realm (a key names the page path, so one map serves all). */
const holders = new Map<string, PersistHost>();

interface Record_ {
  version: string;
  answers: Answers;
  details: Details;
}

export interface PersistHost extends ReactiveControllerHost, HTMLElement {
  persist: boolean;
  mode: string;
}

export class PersistController implements ReactiveController {
  /** What the user should be told about stored answers (shown until dismissed). */
  notice: PersistNotice | null = null;
  private readonly host: PersistHost;
  private readonly machine: MachineController;
  /** Restore is tried once per element, on the first connection with `persist`. */
  private restoreTried = false;
  private lastWritten: string | null = null;
  /** The key this guide holds, or null (not persisting, or another guide holds it). */
  private held: string | null = null;
  /** The key held last (kept across a disconnection, when `held` is let go). */
  private lastKey: string | null = null;
  /** The key another guide held when this one wanted it (reported once per key). */
  private sharedKey: string | null = null;
  private readonly onShared: (name: string) => void;

  constructor(host: PersistHost, machine: MachineController, onShared: (name: string) => void = () => {}) {
    this.host = host;
    this.machine = machine;
    this.onShared = onShared;
    host.addController(this);
  }

  /**
   * The sessionStorage key of this element:
   * - `persist="case-a"` names the record: `referral-guide:<path>#case-a`. The query string is
   *   left out on purpose, so the host decides what one record covers (e.g. `persist="case-1234"`
   *   for the case on screen);
   * - a bare `persist` uses the page's path *and query* with the element's id (or `guide`):
   *   `referral-guide:<path>?<query>#<id>`, so `?citizen=1` and `?citizen=2` never see each
   *   other's answers. The fragment (`#…`) is never part of it.
   */
  get key(): string {
    const named = this.host.getAttribute('persist')?.trim();
    if (named) return `${PERSIST_PREFIX}${location.pathname}#${named}`;
    return `${PERSIST_PREFIX}${location.pathname}${location.search}#${this.host.id || 'guide'}`;
  }

  private get enabled(): boolean {
    return this.host.persist && this.host.mode !== 'training';
  }

  /**
   * Takes this guide's key, unless another connected guide holds it: then this guide persists
   * nothing (a shared record would restore one caseworker's answers into another's guide, and
   * Clear all on one would wipe the other). Returns whether it holds its key.
   */
  private hold(): boolean {
    const key = this.key;
    if (this.held === key) return true;
    const previous = this.held ?? this.lastKey;
    this.release();
    if (previous !== key) this.lastWritten = null; // a new key has nothing of ours written under it yet
    const holder = holders.get(key);
    if (holder && holder !== this.host && holder.isConnected) {
      if (this.sharedKey !== key) {
        this.sharedKey = key;
        this.notice = 'shared';
        this.onShared(key.slice(key.lastIndexOf('#') + 1));
      }
      return false;
    }
    holders.set(key, this.host);
    this.held = key;
    this.lastKey = key;
    if (this.notice === 'shared') this.notice = null;
    this.sharedKey = null;
    return true;
  }

  private release(): void {
    if (this.held !== null && holders.get(this.held) === this.host) holders.delete(this.held);
    this.held = null;
  }

  hostDisconnected(): void {
    this.release();
  }

  /** The record name another guide holds (for the `shared` notice), or ''. */
  get sharedName(): string {
    const key = this.sharedKey;
    return key === null ? '' : key.slice(key.lastIndexOf('#') + 1);
  }

  /**
   * Nothing is read or written before the statechart has loaded (the first screen's snapshot is
   * not the stored one); the machine's load asks for an update, which restores.
   */
  hostConnected(): void {
    if (this.enabled && this.machine.loaded && this.hold()) this.restore();
  }

  /** A stored record waits for the statechart: the first question would not be the right screen. */
  get pending(): boolean {
    if (!this.enabled || this.machine.loaded || this.restoreTried || this.held !== this.key) return false;
    try {
      return this.storage()?.getItem(this.key) != null;
    } catch {
      return false;
    }
  }

  /** Before each render: restore if `persist` was just switched on, then write what changed. */
  hostUpdate(): void {
    if (!this.enabled) {
      if (this.lastWritten !== null) this.remove();
      this.release();
      return;
    }
    // A removed guide lets its key go (another guide may take it) and writes nothing more.
    if (!this.host.isConnected || !this.hold()) return;
    if (!this.machine.loaded) return;
    if (!this.restoreTried) this.restore();
    this.write();
  }

  private storage(): Storage | null {
    try {
      return window.sessionStorage;
    } catch {
      return null; // blocked by the browser's privacy settings or a sandboxed frame
    }
  }

  private restore(): void {
    this.restoreTried = true;
    const context = this.machine.snapshot.context;
    // Answers given before `persist` was switched on win over an older record.
    if (Object.keys(context.answers).length > 0) return;
    const storage = this.storage();
    if (!storage) {
      this.notice = 'unavailable';
      return;
    }
    let raw: string | null;
    try {
      raw = storage.getItem(this.held!);
    } catch {
      raw = null;
    }
    if (raw === null) return;
    const record = parse(raw);
    if (record === null) {
      this.remove();
      this.notice = 'discarded-unreadable';
    } else if (record.version !== PERSIST_VERSION) {
      this.remove();
      this.notice = 'discarded-version';
    } else {
      this.machine.restore({ answers: record.answers, details: record.details });
      this.lastWritten = raw;
      if (Object.keys(this.machine.snapshot.context.answers).length > 0) this.notice = 'restored';
    }
    this.host.requestUpdate();
  }

  private write(): void {
    const { answers, details } = this.machine.snapshot.context;
    if (Object.keys(answers).length === 0 && Object.keys(details).length === 0) {
      if (this.lastWritten !== null) this.remove();
      return;
    }
    const text = JSON.stringify({ version: PERSIST_VERSION, answers, details } satisfies Record_);
    if (text === this.lastWritten) return;
    try {
      this.storage()?.setItem(this.held!, text);
      this.lastWritten = text;
    } catch {
      // Quota exceeded or storage blocked: the guide works on without persistence.
      this.notice = 'unavailable';
    }
  }

  private remove(): void {
    if (this.held === null) return; // never another guide's record
    try {
      this.storage()?.removeItem(this.held);
    } catch {
      // nothing to do: the record could not be reached either
    }
    this.lastWritten = null;
  }

  /** "Clear all": a fresh statechart (even after an internal error) and the stored record deleted. */
  clear(): void {
    this.machine.restore({});
    this.remove();
    this.notice = 'cleared';
    this.host.requestUpdate();
  }

  dismiss(): void {
    this.notice = null;
    this.host.requestUpdate();
  }
}

/** A stored record, or null when it is not one (hand-edited, truncated, another program's). */
function parse(raw: string): Record_ | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const { version, answers, details } = value as Record<string, unknown>;
    if (typeof version !== 'string') return null;
    const isPlain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isPlain(answers) || !(details === undefined || isPlain(details))) return null;
    return { version, answers: answers as Answers, details: (details ?? {}) as Details };
  } catch {
    return null;
  }
}
