/**
 * answers → plan, as a pure function. The machine calls it in `complete`; tests call it directly.
 *
 * Tracks come only from fired rules (rules.ts). Services of the same step start together: the
 * substance track and the regional track of a dual diagnosis share a step, so neither waits for
 * the other ("get sober first" cannot be expressed).
 */
import { decide, explain, type Condition } from './conditions.ts';
import { askedPath } from './questions.ts';
import { STEPS, flags as flagDefs, referralRules, rulesValidAsOf, services, type RuleDef, type Step } from './rules.ts';
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

const authorityOf = Object.fromEntries(services.map((s) => [s.id, s.authority]));
const byIndex = <T extends string>(order: readonly T[]) => (a: string, b: string) =>
  order.indexOf(a as T) - order.indexOf(b as T);

/** Only answers the path really asks count; stray answers to unasked questions are ignored. */
function askedAnswers(answers: Answers): Answers {
  const asked: Answers = {};
  for (const id of askedPath(answers)) if (answers[id] !== undefined) asked[id] = answers[id];
  return asked;
}

function firedRules(answers: Answers, details: Details): RuleDef[] {
  return referralRules.filter((rule) => decide(rule.when, answers, details));
}

function buildTracks(fired: RuleDef[], answers: Answers, details: Details): Track[] {
  const drafts = new Map<ServiceId, TrackDraft>();
  for (const rule of fired) {
    for (const entry of rule.tracks) {
      if (entry.when && !decide(entry.when, answers, details)) continue;
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
  }
  const usedSteps = STEPS.filter((step) => [...drafts.values()].some((d) => d.step === step));
  return [...drafts.values()]
    .map((d): Track => ({
      service: d.service,
      authority: authorityOf[d.service],
      ruleIds: [...d.ruleIds].sort(byIndex(RULE_IDS)),
      legalBasis: [...d.legalBasis],
      ...(d.deadlineDays !== undefined ? { deadlineDays: d.deadlineDays } : {}),
      order: usedSteps.indexOf(d.step),
    }))
    .sort((a, b) => a.order - b.order || byIndex(SERVICE_IDS)(a.service, b.service));
}

function conditionsOf(rule: RuleDef, answers: Answers, details: Details): Condition[] {
  const entries = rule.tracks.filter((e) => !e.when || decide(e.when, answers, details));
  return [rule.when, ...entries.flatMap((e) => (e.when ? [e.when] : []))];
}

export function computePlan(answers: Answers, details: Details = {}): ReferralPlan {
  const asked = askedAnswers(answers);
  const fired = firedRules(asked, details);
  const tracks = buildTracks(fired, asked, details);
  const hasDeadline = tracks.some((t) => t.deadlineDays !== undefined);
  const firedFlags = flagDefs.filter(
    (f) => (!f.when || decide(f.when, asked, details)) && (!f.needsDeadline || hasDeadline),
  );
  const flagIds = firedFlags.map((f) => f.id).sort(byIndex(FLAG_IDS)) as FlagId[];

  // Why each answer mattered: every fired rule or flag whose satisfied conditions read it.
  const reasons = new Map<string, string[]>();
  const note = (id: string, conditions: Condition[]) => {
    const reads = new Set(conditions.flatMap((c) => explain(c, asked, details)));
    for (const read of reads) reasons.set(read, [...(reasons.get(read) ?? []), id]);
  };
  for (const rule of fired) note(rule.id, conditionsOf(rule, asked, details));
  for (const flag of firedFlags) note(flag.id, flag.when ? [flag.when] : []);

  const trace: TraceEntry[] = askedPath(asked)
    .filter((id) => asked[id] !== undefined)
    .map((id) => ({ questionId: id, value: asked[id]!, ruleIds: reasons.get(id) ?? [] }));
  if (details.requestDate) {
    trace.push({ questionId: 'request-date', value: details.requestDate, ruleIds: reasons.get('request-date') ?? [] });
  }
  if (details.outpatientInsufficient) {
    trace.push({ questionId: 'outpatient-insufficient', value: true, ruleIds: reasons.get('outpatient-insufficient') ?? [] });
  }

  return {
    rulesValidAsOf,
    ...(details.requestDate ? { requestDate: details.requestDate } : {}),
    tracks,
    flags: flagIds,
    trace,
  };
}
