/**
 * What the guide shows about stored answers (persist) and after an internal error. Templates
 * rendered in the guide's shadow root, with its shared styles.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from './i18n/translator.ts';
import type { PersistNotice } from './controllers/persist-controller.ts';

const NOTICE_KEYS: Record<PersistNotice, string> = {
  restored: 'privacy.restored',
  'discarded-version': 'privacy.discardedVersion',
  'discarded-unreadable': 'privacy.discardedUnreadable',
  cleared: 'privacy.cleared',
  unavailable: 'privacy.unavailable',
  shared: 'privacy.shared',
};

/** A notice about stored answers, with a button to close it. */
export function renderPersistNotice(tr: Translator, notice: PersistNotice | null, onDismiss: (e: Event) => void, name = '') {
  if (notice === null) return nothing;
  const warning = notice !== 'restored' && notice !== 'cleared';
  // "Cleared" is a success, the discards a warning, "restored" information: never the error style.
  const tone = warning ? 'warning' : notice === 'cleared' ? 'success' : '';
  return html`<div class="notice banner ${tone}" role="status" data-persist-notice=${notice}>
    <p>${tr.t(NOTICE_KEYS[notice], { name })}</p>
    <button type="button" class="link-button" @click=${onDismiss}>${tr.t('errors.dismiss')}</button>
  </div>`;
}

/**
 * The friendly message after an internal error. Built from plain strings with English fallbacks,
 * so it still shows if the translations were what broke.
 */
export function renderFailure(tr: Translator | null, onRestart: () => void): TemplateResult {
  const t = (key: string, fallback: string) => {
    try {
      const text = tr?.t(key);
      return text && text !== key ? text : fallback;
    } catch {
      return fallback;
    }
  };
  return html`<div class="notice danger" role="alert" data-failure>
    <h2 id="failure-heading" tabindex="-1">${t('failure.heading', 'Something went wrong')}</h2>
    <p>${t('failure.body', 'The guide ran into an unexpected error. Your answers are kept.')}</p>
    <p>
      <button type="button" class="button" data-failure-restart @click=${onRestart}>
        ${t('failure.restart', 'Restart the guide')}
      </button>
    </p>
  </div>`;
}
