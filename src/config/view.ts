/**
 * The config as a reader sees it in one language: texts picked per language (with the same
 * fallback as the widget's own strings: kl → da → en), phone numbers as `tel:` links. Pure.
 */
import type { Lang } from '../i18n/languages.ts';
import type { ServiceId } from '../../machines/types.ts';
import type { Contact, LocalizedText, ReferralConfig } from './schema.ts';

/** A text and, when it came from another language than the screen's, that language. */
export interface LocalText {
  text: string;
  /** Set when the text is in another language than asked for (for the `lang` attribute). */
  lang?: Lang;
}

export interface ContactView {
  name: LocalText;
  phone?: { text: string; href: string };
  email?: { text: string; href: string };
  address?: LocalText;
  openingHours?: LocalText;
  url?: string;
  note?: LocalText;
}

export interface LocalView {
  municipality: LocalText | null;
  contacts: Partial<Record<ServiceId, ContactView[]>>;
  notes: LocalText[];
}

const FALLBACK: Record<Lang, Lang[]> = { kl: ['kl', 'da', 'en'], da: ['da', 'en', 'kl'], en: ['en', 'da', 'kl'] };

export function pickText(value: LocalizedText, lang: Lang): LocalText {
  if (typeof value === 'string') return { text: value };
  for (const l of FALLBACK[lang]) {
    const text = value[l];
    if (text !== undefined) return l === lang ? { text } : { text, lang: l };
  }
  return { text: '' };
}

function contactView(contact: Contact, lang: Lang): ContactView {
  const view: ContactView = { name: pickText(contact.name, lang) };
  if (contact.phone) view.phone = { text: contact.phone, href: `tel:${contact.phone.replace(/[^+0-9]/g, '')}` };
  if (contact.email) view.email = { text: contact.email, href: `mailto:${contact.email}` };
  if (contact.address) view.address = pickText(contact.address, lang);
  if (contact.openingHours) view.openingHours = pickText(contact.openingHours, lang);
  if (contact.url) view.url = contact.url;
  if (contact.note) view.note = pickText(contact.note, lang);
  return view;
}

export function localView(config: ReferralConfig, lang: Lang): LocalView {
  const contacts: LocalView['contacts'] = {};
  for (const [service, list] of Object.entries(config.contacts ?? {}) as Array<[ServiceId, Contact[] | undefined]>) {
    if (list) contacts[service] = list.map((c) => contactView(c, lang));
  }
  return {
    municipality: config.municipality ? pickText(config.municipality.name, lang) : null,
    contacts,
    notes: (config.notes ?? []).map((n) => pickText(n, lang)),
  };
}

/** True when the config has nothing to show (the national defaults). */
export function isEmptyView(view: LocalView): boolean {
  return view.notes.length === 0 && Object.keys(view.contacts).length === 0;
}
