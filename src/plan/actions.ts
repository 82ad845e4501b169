/**
 * What to do now: the plan as a short numbered list of actions, one per door. Pure: the plan,
 * the host's local contacts (already in one language) and the date in, language-free actions
 * out (sentence ids, clocks, contacts, legal bases); src/plan/action-text.ts puts them into words.
 *
 * Which services share a door is data (machines/doors.ts): every referral to the region goes into
 * one action for the GP ("one referral to regional psychiatry — ask for …"). Acute comes first,
 * alone; a reported refusal puts its escalation action right after the action it concerns; then
 * the duties and the ways of working that the plan's warnings ask of the caseworker.
 */
import { doorOf, type Door } from '../../machines/doors.ts';
import type { AnswerValue, ClockStart, EmergencyEntry, FlagId, ReferralPlan, ServiceId, Track } from '../../machines/types.ts';
import type { ContactView, LocalView } from '../config/view.ts';

/** A deadline as an action shows it (from `track.clock`, the rules' clock with its start event). */
export interface ActionClock {
  service: ServiceId;
  days: number;
  startsAt: ClockStart;
  startDate?: string;
  due?: string;
  overdue: boolean;
}

/** Who acts. */
export type Actor = 'emergency' | 'caseworker' | 'citizen' | 'gp' | 'ward';

export type ActionKind =
  | 'emergency'
  | 'youth'
  | 'substance'
  | 'referral'
  | 'gp'
  | 'ward'
  | 'housing'
  | 'escalate-kommune'
  | 'escalate-region'
  | 'children'
  | 'interpreter'
  | 'coordination';

/** What an action asks for, as sentence ids (keys under `act.ask.*` / `act.item.*` in ui.json). */
export interface PlanAction {
  kind: ActionKind;
  door: Door | null;
  actor: Actor;
  /** The plan's tracks this action covers, in plan order. */
  services: ServiceId[];
  /** Sentence ids, in reading order. */
  asks: string[];
  /** For `referral`: what the one referral asks for (ids under `act.item.*`). */
  items: string[];
  clocks: ActionClock[];
  /** Local contacts from the host's config; empty: the national route (`act.route.<door>`). */
  contacts: ContactView[];
  legalBasis: string[];
  /** The warnings this action carries (so they are not shown again elsewhere). */
  flags: FlagId[];
  /** Only on `emergency`: the ways to reach help in the plan's region as of its date. */
  emergency: EmergencyEntry[];
}

/** Flags the actions say in full; the plan does not repeat them as separate notices. */
export const FLAGS_IN_ACTIONS: ReadonlySet<FlagId> = new Set<FlagId>([
  'F-acute',
  'F-escalate-kommune',
  'F-escalate-region',
  'F-children',
  'F-greenlandic',
  'F-interpreter',
  'F-coordination',
  'F-deadlines',
]);

const answerOf = (plan: ReferralPlan, id: string): AnswerValue | undefined =>
  plan.trace.find((e) => e.questionId === id)?.value as AnswerValue | undefined;
const includes = (value: AnswerValue | undefined, v: string) =>
  value !== undefined && (typeof value === 'string' ? value === v : value.includes(v));

/** The clock of a track as an action shows it (the rules' clock; none when it cannot run yet). */
export function clockOf(track: Track, asOf: string): ActionClock | null {
  const clock = track.clock;
  if (!clock) return null;
  return {
    service: track.service,
    days: clock.days,
    startsAt: clock.startsAt,
    ...(clock.startDate ? { startDate: clock.startDate } : {}),
    ...(clock.due ? { due: clock.due } : {}),
    overdue: clock.overdue ?? (clock.due !== undefined && clock.due < asOf),
  };
}

function contactsFor(services: ServiceId[], local: LocalView | null): ContactView[] {
  const seen = new Set<string>();
  const out: ContactView[] = [];
  for (const s of services) {
    for (const c of local?.contacts[s] ?? []) {
      if (seen.has(c.name.text)) continue;
      seen.add(c.name.text);
      out.push(c);
    }
  }
  return out;
}

function blank(kind: ActionKind, door: Door | null, actor: Actor): PlanAction {
  return { kind, door, actor, services: [], asks: [], items: [], clocks: [], contacts: [], legalBasis: [], flags: [], emergency: [] };
}

/** The items of the one referral to the region, in the order a GP would write them. */
function referralItems(services: ServiceId[], tracks: Track[]): string[] {
  const items: string[] = [];
  const has = (s: ServiceId) => services.includes(s);
  if (has('regional-psychiatry')) items.push('assessment');
  if (has('integrated-dual-diagnosis')) items.push('integrated');
  if (has('regional-trauma-treatment')) items.push('ptsd');
  if (has('refugee-trauma-clinic')) {
    const clinic = tracks.find((t) => t.service === 'refugee-trauma-clinic')!;
    const first = Math.min(...tracks.filter((t) => t.service !== 'refugee-trauma-clinic').map((t) => t.order));
    items.push(clinic.order > first ? 'refugeeClinicAfter' : 'refugeeClinic');
  }
  return items;
}

/**
 * The actions of a plan, in the order to act on them.
 * @param asOf ISO date the plan is read on (overdue clocks are counted against it).
 */
export function buildActions(plan: ReferralPlan, local: LocalView | null, asOf: string): PlanAction[] {
  const flags = new Set(plan.flags);
  const byDoor = new Map<Door, Track[]>();
  for (const track of [...plan.tracks].sort((a, b) => a.order - b.order)) {
    const door = doorOf(track.service);
    byDoor.set(door, [...(byDoor.get(door) ?? []), track]);
  }
  const substances = answerOf(plan, 'substances');
  const admitted = plan.tracks.some((t) => t.service === 'psychiatric-inpatient');
  const noRefusal = flags.has('F-norefusal');

  const doorActions: PlanAction[] = [];
  for (const [door, tracks] of byDoor) {
    const services = tracks.map((t) => t.service);
    let action: PlanAction;
    switch (door) {
      case 'emergency':
        action = blank('emergency', door, 'emergency');
        if (flags.has('F-acute')) action.flags.push('F-acute');
        action.emergency = tracks.flatMap((t) => t.emergency ?? []);
        break;
      case 'youth':
        action = blank('youth', door, 'caseworker');
        action.asks.push('youth');
        break;
      case 'substance-unit': {
        action = blank('substance', door, 'citizen');
        const alcohol = includes(substances, 'alcohol');
        const drugs = includes(substances, 'drugs');
        action.asks.push(alcohol && drugs ? 'substanceBoth' : drugs ? 'substanceDrugs' : 'substanceAlcohol');
        if (tracks.some((t) => t.ruleIds.includes('R3'))) action.asks.push('residential');
        if (tracks.some((t) => t.starts === 'at-discharge')) action.asks.push('rules:starts.at-discharge');
        if (noRefusal) action.asks.push('noRefusalKommune');
        break;
      }
      case 'regional-referral': {
        const items = referralItems(services, tracks);
        if (items.length === 0) {
          // Only the GP (mild problems): the citizen books the appointment.
          action = blank('gp', door, 'citizen');
          action.asks.push('gp');
        } else {
          action = blank('referral', door, 'gp');
          action.items = items;
          action.asks.push('referral');
          if (noRefusal) action.asks.push('noRefusalRegion');
          if (byDoor.has('substance-unit') && !admitted) action.asks.push('parallel');
        }
        break;
      }
      case 'ward':
        action = blank('ward', door, 'ward');
        action.asks.push('ward');
        break;
      case 'municipality-social':
        action = blank('housing', door, 'caseworker');
        action.asks.push(tracks.some((t) => t.variant === 'at-risk') ? 'housingAtRisk' : 'housingShelter');
        break;
    }
    action.services = services;
    // One line per distinct clock: psychiatry and PTSD assessment share the 30 days from receipt.
    const clocks = new Map<string, ActionClock>();
    for (const c of tracks.flatMap((t) => clockOf(t, asOf) ?? [])) {
      const key = `${c.startsAt}|${c.days}|${c.due ?? ''}`;
      if (!clocks.has(key)) clocks.set(key, c);
    }
    action.clocks = [...clocks.values()];
    action.contacts = contactsFor(services, local);
    action.legalBasis = [...new Set(tracks.flatMap((t) => t.legalBasis))];
    doorActions.push(action);
  }

  // Emergency and youth first (acute alone at the top), then the doors in the plan's order.
  const rank = (a: PlanAction) => (a.kind === 'emergency' ? 0 : a.kind === 'youth' ? 1 : 2);
  const actions = doorActions.map((a, i) => [a, i] as const).sort((x, y) => rank(x[0]) - rank(y[0]) || x[1] - y[1]).map(([a]) => a);

  // A refusal: its escalation right after the action of the door that refused.
  const escalate = (kind: 'escalate-kommune' | 'escalate-region', flag: FlagId, after: ActionKind[]) => {
    if (!flags.has(flag)) return;
    const action = blank(kind, null, 'citizen');
    action.asks.push(kind === 'escalate-kommune' ? 'escalateKommune' : 'escalateRegion');
    action.flags.push(flag);
    const at = actions.findLastIndex((a) => after.includes(a.kind));
    actions.splice(at >= 0 ? at + 1 : actions.length, 0, action);
  };
  escalate('escalate-kommune', 'F-escalate-kommune', ['substance']);
  escalate('escalate-region', 'F-escalate-region', ['referral', 'ward', 'gp']);

  // Duties the warnings give the caseworker: their words are the rules' (flag title and body).
  const fromFlag = (kind: ActionKind, flag: FlagId) => {
    if (!flags.has(flag)) return;
    const action = blank(kind, null, 'caseworker');
    action.flags.push(flag);
    actions.push(action);
  };
  fromFlag('children', 'F-children');
  fromFlag('interpreter', 'F-greenlandic');
  fromFlag('interpreter', 'F-interpreter');
  fromFlag('coordination', 'F-coordination');
  // The deadlines are on the actions themselves.
  const withClocks = actions.find((a) => a.clocks.length > 0);
  if (withClocks && flags.has('F-deadlines')) withClocks.flags.push('F-deadlines');
  return actions;
}
