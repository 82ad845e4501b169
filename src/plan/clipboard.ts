import { withoutSoftHyphens } from '../i18n/hyphenate.ts';

/**
 * Puts text on the clipboard. The async Clipboard API needs a secure context and, in some
 * intranet browsers, a permission; the fallback selects a hidden textarea inside the widget's
 * own shadow root (never the host page's DOM) and uses the legacy copy command. Focus returns
 * to where it was, so a keyboard user stays on the Copy button.
 */
export async function copyText(shown: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  // Greenlandic screen text carries soft hyphens (src/i18n/hyphenate.ts); what is pasted must not.
  const text = withoutSoftHyphens(shown);
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  const active = deepActiveElement();
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  root.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus();
  return ok;
}

function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}
