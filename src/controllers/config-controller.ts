import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { InputError } from '../errors.ts';
import { mergeConfigs } from '../config/merge.ts';
import type { ReferralConfig } from '../config/schema.ts';
import type { LocalView } from '../config/view.ts';
import type { Lang } from '../i18n/languages.ts';
import { loadLimits } from '../load-limits.ts';

type Host = ReactiveControllerHost & HTMLElement & { config?: unknown };

/**
 * The host's local configuration for one `<referral-guide>`: the `config` property (an object)
 * and the `config` attribute (the URL of the host's JSON file), validated and merged over the
 * national defaults (defaults < property < attribute). A layer that fails validation or
 * loading is dropped and reported through `onError`; the guide goes on with what is left.
 *
 * The attribute is watched with a MutationObserver, the property is read before each update,
 * so the element only has to own the controller. Validation (zod) is a chunk of its own, loaded
 * when a config is first given; `parsing` is set while a property value waits for it.
 */
export class ConfigController implements ReactiveController {
  /** The merged configuration in force. */
  config: ReferralConfig = {};
  private readonly host: Host;
  private readonly onError: (error: InputError) => void;
  private propertyValue: unknown = undefined;
  private propertyLayer: ReferralConfig | null = null;
  private url: string | null = null;
  private fileLayer: ReferralConfig | null = null;
  private abort: AbortController | null = null;
  private observer: MutationObserver | null = null;
  private pending: Promise<void> = Promise.resolve();
  /**
   * The config file is still loading after `loadLimits.showLoadingAfterMs`: the guide shows a
   * "loading local information" line until it has loaded, failed or timed out.
   */
  loadingShown = false;
  private loadingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the latest property value is being validated (the element's updateComplete waits). */
  parsing: Promise<void> | null = null;
  private parseToken = 0;
  private views = new Map<Lang, LocalView>();

  constructor(host: Host, onError: (error: InputError) => void) {
    this.host = host;
    this.onError = onError;
    host.addController(this);
  }

  /** Resolves once the config file named by the attribute has been loaded (or has failed). */
  get loaded(): Promise<void> {
    return this.pending;
  }

  /**
   * The config as shown in one language (cached until the config changes). `localView` comes
   * from src/config/view.ts, which the element has with its plan screen (src/screens.ts).
   */
  view(lang: Lang, localView: (config: ReferralConfig, lang: Lang) => LocalView): LocalView {
    let view = this.views.get(lang);
    if (!view) {
      view = localView(this.config, lang);
      this.views.set(lang, view);
    }
    return view;
  }

  hostConnected(): void {
    this.observer ??= new MutationObserver(() => this.readAttribute());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['config'] });
    this.readAttribute();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private setLoading(on: boolean): void {
    clearTimeout(this.loadingTimer);
    if (on) {
      this.loadingTimer = setTimeout(() => {
        this.loadingShown = true;
        this.host.requestUpdate();
      }, loadLimits.showLoadingAfterMs);
    } else if (this.loadingShown) {
      this.loadingShown = false;
      this.host.requestUpdate();
    }
  }

  hostUpdate(): void {
    if (this.host.config === this.propertyValue) return;
    this.propertyValue = this.host.config;
    const value = this.propertyValue;
    const token = ++this.parseToken;
    if (value === undefined || value === null) {
      this.parsing = null;
      this.propertyLayer = null;
      this.merge(false);
      return;
    }
    const parsing = import('../config/load.ts').then(({ parseConfig }) => {
      if (token !== this.parseToken) return;
      this.parsing = null;
      this.propertyLayer = null;
      try {
        this.propertyLayer = parseConfig(value, 'property');
      } catch (e) {
        this.report(e);
      } finally {
        this.merge(true);
      }
    });
    // The validation chunk failed to load (same origin; a broken deployment): the guide goes on
    // without the property layer, as with an invalid one, and says so in the console.
    this.parsing = parsing.catch((error: unknown) => {
      if (token === this.parseToken) this.parsing = null;
      console.error('<referral-guide> could not load the config validation.', error);
    });
  }

  private readAttribute(): void {
    const url = this.host.getAttribute('config')?.trim() || null;
    if (url === this.url) return;
    this.url = url;
    this.abort?.abort();
    this.abort = null;
    this.fileLayer = null;
    if (url === null) {
      this.setLoading(false);
      this.merge(true);
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.setLoading(true);
    // loadConfigFile gives up after loadLimits.timeoutMs (an InputError with issue `timeout`).
    this.pending = import('../config/load.ts')
      .then(({ loadConfigFile }) => loadConfigFile(url, this.host.ownerDocument.baseURI, { signal: abort.signal }))
      .then(
        (config) => {
          if (abort.signal.aborted) return;
          this.setLoading(false);
          this.fileLayer = config;
          this.merge(true);
        },
        (e: unknown) => {
          if (abort.signal.aborted) return;
          this.setLoading(false);
          this.merge(true);
          this.report(e);
        },
      );
  }

  private merge(update: boolean): void {
    this.config = mergeConfigs(this.propertyLayer, this.fileLayer);
    this.views.clear();
    if (update) this.host.requestUpdate();
  }

  private report(e: unknown): void {
    if (e instanceof InputError) this.onError(e);
    else throw e;
  }
}
