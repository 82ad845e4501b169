/**
 * An action (src/plan/actions.ts) in words, in one language: its title, who acts, what to ask for,
 * by when, how to reach them. The screen, the printed note and the copied note all read this, so
 * they say the same thing. Also the legal bases with their abbreviations spelled out on first use.
 */
import { textKeyOf } from '../../machines/check-locally.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ContactView } from '../config/view.ts';
import type { ActionClock, PlanAction } from './actions.ts';

export interface ClockText {
  /** "Start within 14 days of the citizen's request" */
  rule: string;
  /** "by 8 December 2026", "OVERDUE: the deadline was 8 December 2026", or a hint; null when none. */
  when: string | null;
  /** True when `when` is a date (not a hint). */
  due: boolean;
  /** When overdue: what to do now (contact, complaint route). */
  route: string | null;
  overdue: boolean;
}

export interface ActionText {
  title: string;
  who: string;
  asks: string[];
  clocks: ClockText[];
  contacts: ContactView[];
  /** The national route when the config has no local contact for this door. */
  route: string | null;
}

export function clockText(clock: ActionClock, tr: Translator): ClockText {
  const rule = tr.t(`act.clock.${clock.startsAt}`, { days: clock.days });
  if (clock.due) {
    const date = tr.date(clock.due);
    if (!clock.overdue) return { rule, when: tr.t('rules:clock.due', { date }), overdue: false, due: true, route: null };
    // Overdue: said plainly, with the way on for that clock (the kommune's, or the region's).
    const route = tr.t(clock.startsAt === 'request' ? 'rules:clock.overdueKommune' : 'rules:clock.overdueRegion');
    return { rule, when: tr.t('rules:clock.overdue', { date }), overdue: true, due: true, route };
  }
  return { rule, when: clock.startsAt === 'request' ? tr.t('act.noRequestDate') : null, overdue: false, due: false, route: null };
}

/** The warning an action says in full, when its words are the rules' own (flag title and body). */
const FLAG_ACTIONS: ReadonlySet<string> = new Set(['children', 'interpreter', 'coordination']);

export function actionText(action: PlanAction, tr: Translator, asOf?: string): ActionText {
  const flag = action.flags[0];
  const flagKey = flag ? `rules:${asOf ? textKeyOf(`flag.${flag}`, asOf) : `flag.${flag}`}` : '';
  const title =
    FLAG_ACTIONS.has(action.kind) || action.kind.startsWith('escalate') || action.kind === 'emergency'
      ? tr.t(`${flagKey}.title`)
      : tr.t(`act.title.${action.kind}`);
  const items = action.items.map((i) => tr.t(`act.item.${i}`));
  // Asks are ui.json `act.ask.*`; `rules:` ones are the rules' own words (e.g. `starts.at-discharge`).
  const asks = FLAG_ACTIONS.has(action.kind)
    ? [tr.t(`${flagKey}.body`)]
    : action.asks.map((a) => (a.startsWith('rules:') ? tr.t(a) : tr.t(`act.ask.${a}`, { items: joinList(items, tr) })));
  return {
    title,
    who: tr.t(`act.who.${action.actor}`),
    asks,
    clocks: action.clocks.map((c) => clockText(c, tr)),
    contacts: action.contacts,
    route: action.contacts.length === 0 && action.door && action.door !== 'emergency' ? tr.t(`act.route.${action.door}`) : null,
  };
}

/** "a, b and c" in the language's own way. */
export function joinList(items: string[], tr: Translator): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${tr.t('act.and')} ${items[items.length - 1]}`;
}

const ABBREVIATIONS = ['SUL', 'SEL', 'PSL'] as const;

/**
 * Legal bases with SUL, SEL and PSL spelled out the first time each appears (`seen` carries what
 * was spelled out before, across the steps of one screen or note).
 */
export function spellOut(bases: readonly string[], tr: Translator, seen: Set<string>): string[] {
  return bases.map((basis) =>
    basis.replace(/\b(SUL|SEL|PSL)\b/g, (abbr) => {
      if (!(ABBREVIATIONS as readonly string[]).includes(abbr) || seen.has(abbr)) return abbr;
      seen.add(abbr);
      return tr.t(`plan.law.${abbr}`);
    }),
  );
}

export interface EmergencyLines {
  /** Each entry: its text ("If a life is at risk:") and, with a phone, the label to dial ("Call 112"). */
  entries: Array<{ id: string; label: string; text: string | null; phone?: string }>;
  /** The one compulsory-admission sentence (rules `emergency.compulsory`). */
  compulsory: string | null;
}

/** The emergency action's entries (112, the region's psychiatric emergency entry) in words. */
export function emergencyLines(action: PlanAction, tr: Translator): EmergencyLines {
  const opt = (key: string) => (tr.has(key) ? tr.t(key) : null);
  return {
    entries: action.emergency.map((e) => ({
      id: e.id,
      label: opt(`rules:emergency.${e.id}.label`) ?? e.phone ?? e.id,
      text: opt(`rules:emergency.${e.id}.text`),
      ...(e.phone ? { phone: e.phone } : {}),
    })),
    compulsory: opt('rules:emergency.compulsory'),
  };
}
