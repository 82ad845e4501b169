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
import { explain, factKey, factMask, factValues, holds, type Condition, type FactValues } from './conditions.ts';
import { askedPathFor } from './questions.ts';
import { isAcuteWarning, isComplete, type Snapshot } from './snapshot.ts';
import { STEPS, flags as flagDefs, referralRules, rulesValidAsOf, services, type Step } from './rules.ts';
import {
  FLAG_IDS,
  RULE_IDS,
  SERVICE_IDS,
  type Answers,
  type Details,
  type FlagId,
  type ReferralPlan,
  type ServiceId,
  type TraceEntry,
  type Track,
} from './types.ts';

interface TrackDraft {
  service: ServiceId;
  ruleIds: Set<string>;
  legalBasis: Set<string>;
  deadlineDays?: number;
  step: Step;
}

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

function buildTracks(values: FactValues): { tracks: Track[]; reasons: Reasons } {
  const reasons: Reasons = new Map();
  const drafts = new Map<ServiceId, TrackDraft>();
  for (const rule of referralRules) {
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
        step,
      };
      draft.ruleIds.add(rule.id);
      for (const basis of entry.legalBasis ?? rule.legalBasis) draft.legalBasis.add(basis);
      const deadline = entry.deadlineDays ?? rule.deadlineDays;
      if (deadline !== undefined) draft.deadlineDays = Math.min(draft.deadlineDays ?? deadline, deadline);
      if (STEPS.indexOf(step) > STEPS.indexOf(draft.step)) draft.step = step;
      drafts.set(entry.service, draft);
    }
    noteReasons(reasons, rule.id, conditions, values);
  }

  const usedSteps = STEPS.filter((step) => [...drafts.values()].some((d) => d.step === step));
  const tracks = [...drafts.values()]
    .map((d): Track => ({
      service: d.service,
      authority: authorityOf[d.service],
      ruleIds: [...d.ruleIds].sort(byIndex(RULE_IDS)),
      legalBasis: [...d.legalBasis],
      ...(d.deadlineDays !== undefined ? { deadlineDays: d.deadlineDays } : {}),
      order: usedSteps.indexOf(d.step),
    }))
    .sort((a, b) => a.order - b.order || byIndex(SERVICE_IDS)(a.service, b.service));
  return { tracks, reasons };
}

function buildFlags(values: FactValues, hasDeadline: boolean): { flags: FlagId[]; reasons: Reasons } {
  const reasons: Reasons = new Map();
  const fired = flagDefs.filter((f) => (!f.when || holds(f.when, values)) && (!f.needsDeadline || hasDeadline));
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
    const key = (factKey(values) & mask) * 2 + (extra ? 1 : 0);
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size >= 20_000) cache.clear();
      result = build(values, extra);
      cache.set(key, result);
    }
    return result;
  };
}

const tracksFor = cached(
  factMask(referralRules.flatMap((r) => [r.when, ...r.tracks.flatMap((t) => (t.when ? [t.when] : []))])),
  buildTracks,
);
/** The rule reasons and flag reasons of one answer set merged, cached per pair of cached parts. */
const merged = new WeakMap<object, WeakMap<object, Reasons>>();
function mergedReasons(rulePart: { reasons: Reasons }, flagPart: { reasons: Reasons }): Reasons {
  let byFlags = merged.get(rulePart);
  if (!byFlags) merged.set(rulePart, (byFlags = new WeakMap()));
  let reasons = byFlags.get(flagPart);
  if (!reasons) {
    reasons = new Map(rulePart.reasons);
    for (const [id, ids] of flagPart.reasons) reasons.set(id, [...(reasons.get(id) ?? []), ...ids]);
    byFlags.set(flagPart, reasons);
  }
  return reasons;
}

const flagsFor = cached(factMask(flagDefs.flatMap((f) => (f.when ? [f.when] : []))), buildFlags);

export function computePlan(answers: Answers, details: Details = {}): ReferralPlan {
  // Only answers the path really asks count; a stray answer to an unasked question is ignored.
  const all = factValues(answers, details);
  const path = askedPathFor(all).filter((id) => answers[id] !== undefined);
  const asked: Answers = {};
  for (const id of path) asked[id] = answers[id];
  const stray = Object.keys(answers).length !== path.length;
  const values = stray ? factValues(asked, details) : all;
  const rulePart = tracksFor(values);
  const flagPart = flagsFor(values, rulePart.tracks.some((t) => t.deadlineDays !== undefined));
  const why = mergedReasons(rulePart, flagPart);
  const reasonsOf = (id: string) => why.get(id)?.slice() ?? [];

  const trace: TraceEntry[] = [];
  for (const id of path) trace.push({ questionId: id, value: asked[id]!, ruleIds: reasonsOf(id) });
  if (details.requestDate) trace.push({ questionId: 'request-date', value: details.requestDate, ruleIds: reasonsOf('request-date') });
  if (details.outpatientInsufficient) {
    trace.push({ questionId: 'outpatient-insufficient', value: true, ruleIds: reasonsOf('outpatient-insufficient') });
  }

  // Fresh copies: the cached parts must not change when a caller edits its plan.
  const tracks: Track[] = [];
  for (const t of rulePart.tracks) {
    const track: Track = { service: t.service, authority: t.authority, ruleIds: t.ruleIds.slice(), legalBasis: t.legalBasis.slice(), order: t.order };
    if (t.deadlineDays !== undefined) track.deadlineDays = t.deadlineDays;
    tracks.push(track);
  }
  return {
    rulesValidAsOf,
    ...(details.requestDate ? { requestDate: details.requestDate } : {}),
    tracks,
    flags: flagPart.flags.slice(),
    trace,
  };
}

/**
 * The plan once the guide is complete. While the machine waits at the acute warning it returns the
 * interim plan (the emergency track and F-acute), so "call 112 now" is never lost; otherwise null.
 */
export function planOf(snapshot: Snapshot): ReferralPlan | null {
  if (isComplete(snapshot)) return computePlan(snapshot.context.answers, snapshot.context.details);
  if (isAcuteWarning(snapshot)) return computePlan({ acute: 'yes' }, snapshot.context.details);
  return null;
}
