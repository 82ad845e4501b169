/**
 * answers → plan, as a pure function. The machine calls it in `complete`; tests call it directly.
 *
 * Tracks come only from fired rules (rules.ts). Services of the same step start together: the
 * substance track and the regional track of a dual diagnosis share a step, so neither waits for
 * the other ("get sober first" cannot be expressed).
 *
 * Every rule and flag reads facts, never raw answers, so tracks, flags and which answers each rule
 * read are functions of the fact values alone and are computed once per distinct set of the facts
 * they read. Only the trace, which repeats the caseworker's own answers, is built per call.
 */
import { explain, factMask, factValues, holds, type Condition, type FactValues } from './conditions.ts';
import { addDays, isValidOn, todayIso } from './dated.ts';
import { ASK_MASK, questions, sharedPathFor } from './questions.ts';
import { areaOf, emergencyEntriesFor, regionOf } from './regions.ts';
import { isAcuteWarning, isComplete, type Snapshot } from './snapshot.ts';
import { STEPS, flags as flagDefs, referralRules, rulesValidAsOf, services, type FlagDef, type RuleDef, type Step } from './rules.ts';
import {
  FLAG_IDS,
  RULE_IDS,
  SERVICE_IDS,
  type Answers,
  type ClockStart,
  type Details,
  type FlagId,
  type PlanContext,
  type QuestionId,
  type ReferralPlan,
  type RegionId,
  type ServiceId,
  type TraceEntry,
  type Track,
} from './types.ts';

interface TrackDraft {
  service: ServiceId;
  ruleIds: Set<string>;
  legalBasis: Set<string>;
  deadlineDays?: number;
  clockStart?: ClockStart;
  atDischarge: boolean;
  variant?: string;
  step: Step;
}

const QUESTION_INDEX = new Map(questions.map((q, i) => [q.id, i]));

/** What a cached track carries besides the contract's fields. */
type CachedTrack = Track & { clockStart?: ClockStart };

/** question or detail id → the fired rules or flags that read it */
type Reasons = Map<string, string[]>;

const authorityOf = Object.fromEntries(services.map((s) => [s.id, s.authority]));
const byIndex = <T extends string>(order: readonly T[]) => (a: string, b: string) =>
  order.indexOf(a as T) - order.indexOf(b as T);

function noteReasons(reasons: Reasons, id: string, conditions: Condition[], values: FactValues) {
  for (const read of new Set(conditions.flatMap((c) => explain(c, values)))) {
    reasons.set(read, [...(reasons.get(read) ?? []), id]);
  }
}

function buildTracks(activeRules: readonly RuleDef[], values: FactValues): { tracks: CachedTrack[]; reasons: Reasons } {
  const reasons: Reasons = new Map();
  const drafts = new Map<ServiceId, TrackDraft>();
  for (const rule of activeRules) {
    if (!holds(rule.when, values)) continue;
    const conditions: Condition[] = [rule.when];
    for (const entry of rule.tracks) {
      if (entry.when && !holds(entry.when, values)) continue;
      if (entry.when) conditions.push(entry.when);
      const step = entry.step ?? 'first';
      const draft = drafts.get(entry.service) ?? {
        service: entry.service,
        ruleIds: new Set<string>(),
        legalBasis: new Set<string>(),
        atDischarge: false,
        step,
      };
      draft.ruleIds.add(rule.id);
      for (const basis of entry.legalBasis ?? rule.legalBasis) draft.legalBasis.add(basis);
      const deadline = entry.deadlineDays ?? rule.deadlineDays;
      if (deadline !== undefined && (draft.deadlineDays === undefined || deadline < draft.deadlineDays)) {
        draft.deadlineDays = deadline;
        draft.clockStart = entry.clockStart ?? rule.clockStart;
      }
      if (entry.starts === 'at-discharge') draft.atDischarge = true;
      if (entry.variant) draft.variant = entry.variant;
      if (STEPS.indexOf(step) > STEPS.indexOf(draft.step)) draft.step = step;
      drafts.set(entry.service, draft);
    }
    noteReasons(reasons, rule.id, conditions, values);
  }

  const usedSteps = STEPS.filter((step) => [...drafts.values()].some((d) => d.step === step));
  const tracks = [...drafts.values()]
    .map((d): CachedTrack => {
      const track: CachedTrack = {
        service: d.service,
        authority: authorityOf[d.service],
        ruleIds: [...d.ruleIds].sort(byIndex(RULE_IDS)),
        legalBasis: [...d.legalBasis],
        order: usedSteps.indexOf(d.step),
      };
      // A track that starts at discharge has no running clock (L 126 2023-24).
      if (d.atDischarge) track.starts = 'at-discharge';
      else if (d.deadlineDays !== undefined) {
        track.deadlineDays = d.deadlineDays;
        track.clockStart = d.clockStart;
      }
      if (d.variant) track.variant = d.variant;
      return track;
    })
    .sort((a, b) => a.order - b.order || byIndex(SERVICE_IDS)(a.service, b.service));
  return { tracks, reasons };
}

function buildFlags(activeFlags: readonly FlagDef[], values: FactValues, hasDeadline: boolean): { flags: FlagId[]; reasons: Reasons } {
  const reasons: Reasons = new Map();
  const fired = activeFlags.filter((f) => (!f.when || holds(f.when, values)) && (!f.needsDeadline || hasDeadline));
  for (const flag of fired) noteReasons(reasons, flag.id, flag.when ? [flag.when] : [], values);
  return { flags: fired.map((f) => f.id).sort(byIndex(FLAG_IDS)) as FlagId[], reasons };
}

/**
 * Rules and flags read different facts, so each part is cached on its own facts only: about two
 * thousand distinct rule inputs and ten thousand flag inputs cover every answer path.
 */
function cached<T>(mask: number, build: (values: FactValues, extra: boolean) => T) {
  const cache = new Map<number, T>();
  return (values: FactValues, extra = false): T => {
    const key = ((values & mask) >>> 0) * 2 + (extra ? 1 : 0);
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size >= 200_000) cache.clear();
      result = build(values, extra);
      cache.set(key, result);
    }
    return result;
  };
}

/**
 * The rules data changes only on the dates where some rule, flag or service starts or ends. Between
 * two such dates (an epoch) the same rules apply, so the caches are kept per epoch.
 */
const boundaries = [
  ...new Set(
    [...referralRules, ...flagDefs, ...services].flatMap((d) => [
      ...(d.validFrom ? [d.validFrom] : []),
      ...(d.validTo ? [addDays(d.validTo, 1)] : []),
    ]),
  ),
].sort();

function epochOf(asOf: string): number {
  let epoch = 0;
  while (epoch < boundaries.length && boundaries[epoch] <= asOf) epoch++;
  return epoch;
}

/**
 * What the rules give for a set of fact values: the tracks, and the trace's layout (each question
 * of the asked path, with the fired rules that read it). The route's facts are part of the key, so
 * the asked path is fixed per entry.
 */
interface RulePart {
  tracks: CachedTrack[];
  reasons: Reasons;
  layout: ReadonlyArray<{ id: QuestionId; index: number; ruleIds: readonly string[] }>;
  hasDeadline: boolean;
}

/** What the flags give: the flags, and for each question (by index) the fired flags that read it. */
interface FlagPart {
  flags: FlagId[];
  reasons: Reasons;
  byQuestion: ReadonlyArray<readonly string[] | undefined>;
}

interface Epoch {
  tracksFor: (values: FactValues) => RulePart;
  flagsFor: (values: FactValues, hasDeadline: boolean) => FlagPart;
}
const epochs = new Map<number, Epoch>();

let lastAsOf = '';
let lastEpoch: Epoch | null = null;

function epochFor(asOf: string): Epoch {
  if (asOf === lastAsOf && lastEpoch) return lastEpoch;
  lastAsOf = asOf;
  lastEpoch = epochAt(asOf);
  return lastEpoch;
}

function epochAt(asOf: string): Epoch {
  const index = epochOf(asOf);
  let epoch = epochs.get(index);
  if (!epoch) {
    const activeRules = referralRules.filter((r) => isValidOn(r, asOf));
    const activeServices = new Set(services.filter((s) => isValidOn(s, asOf)).map((s) => s.id));
    // A rule's track entry for a service not (yet) in force is left out.
    const rulesNow = activeRules.map((r) => ({ ...r, tracks: r.tracks.filter((t) => activeServices.has(t.service)) }));
    const activeFlags = flagDefs.filter((f) => isValidOn(f, asOf));
    const ruleMask = factMask(referralRules.flatMap((r) => [r.when, ...r.tracks.flatMap((t) => (t.when ? [t.when] : []))]));
    const flagMask = factMask(flagDefs.flatMap((f) => (f.when ? [f.when] : [])));
    epoch = {
      tracksFor: cached((ruleMask | ASK_MASK) >>> 0, (values): RulePart => {
        const { tracks, reasons } = buildTracks(rulesNow, values);
        const layout = sharedPathFor(values).map((id) => ({ id, index: QUESTION_INDEX.get(id)!, ruleIds: reasons.get(id) ?? [] }));
        return { tracks, reasons, layout, hasDeadline: tracks.some((t) => t.deadlineDays !== undefined) };
      }),
      flagsFor: cached(flagMask, (values, hasDeadline): FlagPart => {
        const { flags, reasons } = buildFlags(activeFlags, values, hasDeadline);
        return { flags, reasons, byQuestion: questions.map((q) => reasons.get(q.id)) };
      }),
    };
    epochs.set(index, epoch);
  }
  return epoch;
}

/** The rules, flags and services in force on a date (what the plan of that date reads). */
export function rulesAsOf(asOf: string) {
  return {
    rules: referralRules.filter((r) => isValidOn(r, asOf)),
    flags: flagDefs.filter((f) => isValidOn(f, asOf)),
    services: services.filter((s) => isValidOn(s, asOf)),
  };
}

/** The fired rules (a), then the fired flags (b), that read a question or detail: a fresh array. */
function joined(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  if (a && a.length) return b ? a.concat(b) : a.slice();
  return b ? b.slice() : [];
}

/** The start date of a clock, when the caseworker gave that event's date. */
function startDateOf(start: ClockStart | undefined, details: Details): string | undefined {
  if (start === 'request') return details.requestDate;
  if (start === 'referral-received') return details.referralSentDate;
  return undefined; // acceptance after visitation: the region tells the citizen; never asked here
}

/**
 * The region and area of a context as of a date, remembered per context object (a snapshot keeps
 * its setting object until the next `context` event; the every-path check reuses a few).
 */
const places = new WeakMap<PlanContext, { asOf: string; region?: RegionId; area?: RegionId }>();
const NOWHERE = { asOf: '', region: undefined, area: undefined };
function placeOf(context: PlanContext, asOf: string): { region?: RegionId; area?: RegionId } {
  if (context.region === undefined && context.municipalityCode === undefined && context.municipalityName === undefined) return NOWHERE;
  let place = places.get(context);
  if (!place || place.asOf !== asOf) {
    place = { asOf, region: regionOf(context, asOf), area: areaOf(context, asOf) };
    places.set(context, place);
  }
  return place;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The details the trace repeats after the answers, in this order (`outpatientInsufficient` only when true). */
const DETAIL_TRACE = [
  ['request-date', 'requestDate'],
  ['referral-sent-date', 'referralSentDate'],
  ['outpatient-insufficient', 'outpatientInsufficient'],
] as const;

/**
 * The plan for an answer set, as of a date (default: today) and for a place (the host's region or
 * municipality; it decides the emergency entries). Pure: the same input gives the same plan.
 */
export function computePlan(answers: Answers, details: Details = {}, context: PlanContext = {}): ReferralPlan {
  const asOf = context.asOf === lastAsOf || (context.asOf && ISO.test(context.asOf)) ? context.asOf! : todayIso();
  const epoch = epochFor(asOf);
  const values = factValues(answers, details);
  const rulePart = epoch.tracksFor(values);
  const flagPart = epoch.flagsFor(values, rulePart.hasDeadline);

  // The trace follows the asked path (the layout); it counts the answers it takes on the way.
  const trace: TraceEntry[] = [];
  for (const { id, index, ruleIds } of rulePart.layout) {
    const value = answers[id];
    if (value !== undefined) trace.push({ questionId: id, value, ruleIds: joined(ruleIds, flagPart.byQuestion[index]) });
  }
  // Only answers the path really asks count: with a stray answer to an unasked question (which
  // could change a fact), the plan is the plan of the asked answers alone. The asked path is the
  // same either way: ask conditions read only facts of earlier questions.
  let given = 0;
  for (const id in answers) if (Object.hasOwn(answers, id)) given++;
  if (given !== trace.length) {
    const asked: Answers = {};
    for (const { id } of rulePart.layout) if (answers[id] !== undefined) asked[id] = answers[id];
    return computePlan(asked, details, context);
  }
  for (const [id, key] of DETAIL_TRACE) {
    const value = details[key];
    if (value) trace.push({ questionId: id, value, ruleIds: joined(rulePart.reasons.get(id), flagPart.reasons.get(id)) });
  }

  const where = placeOf(context, asOf);
  const region = where.region;
  // Fresh copies: the cached parts must not change when a caller edits its plan.
  const tracks: Track[] = [];
  for (const t of rulePart.tracks) {
    const track: Track = { service: t.service, authority: t.authority, ruleIds: t.ruleIds.slice(), legalBasis: t.legalBasis.slice(), order: t.order };
    if (t.deadlineDays !== undefined) {
      track.deadlineDays = t.deadlineDays;
      if (t.clockStart) {
        const startDate = startDateOf(t.clockStart, details);
        if (startDate) {
          const due = addDays(startDate, t.deadlineDays);
          track.clock = { days: t.deadlineDays, startsAt: t.clockStart, startDate, due, overdue: due < asOf };
        } else {
          track.clock = { days: t.deadlineDays, startsAt: t.clockStart };
        }
      }
    }
    if (t.starts) track.starts = t.starts;
    if (t.variant) track.variant = t.variant;
    if (t.service === 'emergency') track.emergency = emergencyEntriesFor(region, asOf, where.area);
    tracks.push(track);
  }
  const plan: ReferralPlan = { rulesValidAsOf, asOf, tracks, flags: flagPart.flags.slice(), trace };
  if (region) plan.region = region;
  if (details.requestDate) plan.requestDate = details.requestDate;
  if (details.referralSentDate) plan.referralSentDate = details.referralSentDate;
  return plan;
}

/** The date and place a snapshot's plan is computed for (set with the machine's `context` event). */
export function planContextOf(snapshot: Snapshot): PlanContext {
  return snapshot.context.setting ?? {};
}

/**
 * The plan once the guide is complete; `null` before, also while the guide waits at the acute
 * warning (contract.md, additions of 2026-11-29). The emergency step at the warning is
 * `emergencyPlanOf`.
 */
export function planOf(snapshot: Snapshot): ReferralPlan | null {
  return isComplete(snapshot) ? computePlan(snapshot.context.answers, snapshot.context.details, planContextOf(snapshot)) : null;
}

/**
 * While the guide waits at the acute warning: the emergency step (the emergency track with the
 * region's entries, F-acute), so "call 112 now" is never lost; otherwise `null`.
 */
export function emergencyPlanOf(snapshot: Snapshot): ReferralPlan | null {
  return isAcuteWarning(snapshot) ? computePlan({ acute: 'yes' }, snapshot.context.details, planContextOf(snapshot)) : null;
}
