/**
 * The invariants of referral-rules.md / issue 2, as checks on one (answers, plan) pair. Shared by
 * the every-path test and `npm run rules:report`. Each returns a message when violated, else null.
 */
import {
  addDays,
  regionOf,
  rules,
  type Answers,
  type ClockStart,
  type Details,
  type PlanContext,
  type ReferralPlan,
  type ServiceId,
} from '../../machines/index.ts';

/** What the plan was computed from besides the answers (the enumeration rotates these). */
export interface PlanInput {
  details: Details;
  context: PlanContext;
}
const NO_INPUT: PlanInput = { details: {}, context: {} };

const ruleIds = new Set<string>(rules.rules.map((r) => r.id));
const flagIds = new Set<string>(rules.flags.map((f) => f.id));
const ruleOrFlagIds = new Set<string>([...ruleIds, ...flagIds]);
const domainOf = new Map(rules.services.map((s) => [s.id, s.domain]));

/** Treatment of the substance use or of the mental illness: none of these may wait for another. */
const TREATMENT: ReadonlySet<ServiceId> = new Set([
  'municipal-substance-treatment',
  'integrated-dual-diagnosis',
  'regional-psychiatry',
  'psychiatric-inpatient',
  'regional-trauma-treatment',
]);

const has = (answers: Answers, id: keyof Answers, value: string) => {
  const answer = answers[id];
  return typeof answer === 'string' ? answer === value : Array.isArray(answer) && answer.includes(value);
};

export interface Invariant {
  id: string;
  description: string;
  check: (answers: Answers, plan: ReferralPlan, input: PlanInput) => string | null;
}

/** The date of a clock's start event as the caseworker gave it (R6's acceptance is never asked). */
function knownStart(start: ClockStart, details: Details): string | undefined {
  if (start === 'request') return details.requestDate;
  if (start === 'referral-received') return details.referralSentDate;
  return undefined;
}
/** The start events the rules data defines for each service's clock. */
const clockStartsOf = new Map<string, Set<ClockStart | undefined>>();
for (const r of rules.rules) {
  for (const t of r.tracks) {
    if ((t.deadlineDays ?? r.deadlineDays) === undefined) continue;
    if (!clockStartsOf.has(t.service)) clockStartsOf.set(t.service, new Set());
    clockStartsOf.get(t.service)!.add(t.clockStart ?? r.clockStart);
  }
}
/** regionOf per context object and date (the enumeration reuses a few contexts). */
const regions = new WeakMap<PlanContext, Map<string, string | undefined>>();
function expectedRegion(context: PlanContext, asOf: string): string | undefined {
  if (context.region === undefined && context.municipalityCode === undefined && context.municipalityName === undefined) return undefined;
  let byDate = regions.get(context);
  if (!byDate) regions.set(context, (byDate = new Map()));
  if (!byDate.has(asOf)) byDate.set(asOf, regionOf(context, asOf));
  return byDate.get(asOf);
}

export const invariants: Invariant[] = [
  {
    id: 'I1-plan',
    description: 'the path ends in a plan with rulesValidAsOf, F-region-2027 and a trace of every answer',
    check: (answers, plan) => {
      if (!plan || !Array.isArray(plan.tracks)) return 'no plan';
      if (plan.rulesValidAsOf !== rules.rulesValidAsOf) return 'rulesValidAsOf missing';
      if (!plan.flags.includes('F-region-2027')) return 'F-region-2027 missing';
      let answered = 0;
      for (const id in answers) if (answers[id as keyof Answers] !== undefined) answered++;
      let traced = 0;
      for (const entry of plan.trace) {
        if (entry.questionId !== 'request-date' && entry.questionId !== 'outpatient-insufficient' && entry.questionId !== 'referral-sent-date') traced++;
      }
      return traced === answered ? null : `trace has ${traced} answers, path has ${answered}`;
    },
  },
  {
    id: 'I2-no-wait',
    description:
      'substance use + treatment-requiring mental illness or trauma → a regional track and a substance track, F-norefusal, and no treatment track waits for another',
    check: (answers, plan) => {
      // Written as plain loops: this runs on two million plans.
      let firstTreatment = Infinity;
      let lastTreatment = -Infinity;
      let regional = false;
      let municipal = false;
      let integrated = false;
      let clinicOrder = Infinity;
      for (const t of plan.tracks) {
        if (TREATMENT.has(t.service)) {
          firstTreatment = Math.min(firstTreatment, t.order);
          lastTreatment = Math.max(lastTreatment, t.order);
        }
        if (t.service === 'integrated-dual-diagnosis') integrated = true;
        if (t.service === 'regional-psychiatry') regional = true;
        if (t.service === 'municipal-substance-treatment') municipal = true;
        if (t.service === 'refugee-trauma-clinic') clinicOrder = t.order;
      }
      if (firstTreatment !== lastTreatment && firstTreatment !== Infinity) {
        return `treatment tracks at different steps: ${JSON.stringify(plan.tracks.map((t) => [t.service, t.order]))}`;
      }
      const substance = has(answers, 'substances', 'alcohol') || has(answers, 'substances', 'drugs');
      const serious = has(answers, 'mental-health', 'treatment-requiring') || has(answers, 'trauma', 'suspected') || has(answers, 'trauma', 'diagnosed');
      if (!(substance && serious)) return null;
      if (!integrated && !regional) return 'no regional track';
      if (!integrated && !municipal) return 'no substance track';
      if (!municipal) return 'municipal substance treatment does not keep running (R7)';
      if (!plan.flags.includes('F-norefusal')) return 'F-norefusal missing';
      if (clinicOrder < firstTreatment) return 'refugee clinic before the regional track (R11)';
      return null;
    },
  },
  {
    id: 'I3-trauma-region',
    description: 'no trauma service is ever placed with the kommune',
    check: (_answers, plan) => {
      const bad = plan.tracks.find((t) => domainOf.get(t.service) === 'trauma' && t.authority !== 'region');
      return bad ? `${bad.service} with ${bad.authority}` : null;
    },
  },
  {
    id: 'I4-acute-first',
    description: 'acute = yes → the first track is emergency, alone in its step',
    check: (answers, plan) => {
      let emergencies = 0;
      let atZero = 0;
      for (const t of plan.tracks) {
        if (t.service === 'emergency') emergencies++;
        if (t.order === 0) atZero++;
      }
      if (answers.acute !== 'yes') return emergencies ? 'emergency track without acute danger' : null;
      if (plan.tracks[0]?.service !== 'emergency' || plan.tracks[0].order !== 0) return 'emergency is not first';
      if (atZero !== 1) return 'another track shares the emergency step';
      if (!plan.flags.includes('F-acute')) return 'F-acute missing';
      return null;
    },
  },
  {
    id: 'I5-under-18',
    description: 'under-18 → only youth-services (after emergency if acute)',
    check: (answers, plan) => {
      if (answers.age !== 'under-18') {
        for (const t of plan.tracks) if (t.service === 'youth-services') return 'youth services for an adult';
        return null;
      }
      const services = plan.tracks.map((t) => t.service).join(',');
      const expected = answers.acute === 'yes' ? 'emergency,youth-services' : 'youth-services';
      if (services !== expected) return `under 18 got ${services}`;
      const youth = plan.tracks.find((t) => t.service === 'youth-services')!;
      return answers.acute === 'yes' && youth.order !== 1 ? 'youth services not after emergency' : null;
    },
  },
  {
    id: 'I6-grounded',
    description: 'every track has a rule id and a legal basis; every rule, service and flag id exists in the rules data',
    check: (_answers, plan) => {
      for (const t of plan.tracks) {
        if (!domainOf.has(t.service)) return `unknown service ${t.service}`;
        if (t.ruleIds.length === 0 || t.legalBasis.length === 0) return `${t.service} lacks rule or legal basis`;
        const unknown = t.ruleIds.find((r) => !ruleIds.has(r));
        if (unknown) return `unknown rule ${unknown}`;
      }
      for (const flag of plan.flags) if (!flagIds.has(flag)) return `unknown flag ${flag}`;
      for (const entry of plan.trace) {
        for (const id of entry.ruleIds) if (!ruleOrFlagIds.has(id)) return `trace names unknown id ${id}`;
      }
      return null;
    },
  },
  {
    id: 'I7-warnings',
    description: 'children or pregnancy → F-children; each reported refusal → its escalation flag and F-norefusal',
    check: (answers, plan) => {
      const f = plan.flags;
      if ((answers.children === 'yes' || answers.children === 'pregnant') !== f.includes('F-children')) return 'F-children wrong';
      const kommune = has(answers, 'refusal', 'substance-treatment-refused');
      const region = has(answers, 'refusal', 'psychiatry-refused') || has(answers, 'refusal', 'trauma-clinic-refused');
      if (kommune !== f.includes('F-escalate-kommune')) return 'F-escalate-kommune wrong';
      if (region !== f.includes('F-escalate-region')) return 'F-escalate-region wrong';
      if ((kommune || region) && !f.includes('F-norefusal')) return 'refusal without F-norefusal';
      return null;
    },
  },
  {
    id: 'I8-clock-start',
    description:
      'every deadline has a clock with its rule’s start event; a due date only from a known start date (request, referral sent), start + days, overdue exactly when due < asOf',
    check: (_answers, plan, input) => {
      for (const t of plan.tracks) {
        const clock = t.clock;
        if (t.deadlineDays === undefined) {
          if (clock) return `${t.service} has a clock without a deadline`;
          continue;
        }
        if (!clock) return `${t.service} has a deadline without a clock`;
        if (clock.days !== t.deadlineDays) return `${t.service} clock days ${clock.days} ≠ ${t.deadlineDays}`;
        if (!clockStartsOf.get(t.service)?.has(clock.startsAt)) return `${t.service} clock starts at ${clock.startsAt}, which no rule defines for it`;
        const start = knownStart(clock.startsAt, input.details);
        if (clock.startDate !== start) return `${t.service} clock start ${clock.startDate} from an unknown or other event`;
        if (start === undefined) {
          if (clock.due !== undefined || clock.overdue !== undefined) return `${t.service} due date from an unknown start`;
          continue;
        }
        if (clock.due !== addDays(start, clock.days)) return `${t.service} due ${clock.due} ≠ ${start} + ${clock.days}`;
        if (clock.overdue !== clock.due < plan.asOf) return `${t.service} overdue ${clock.overdue} on ${plan.asOf}`;
      }
      return null;
    },
  },
  {
    id: 'I9-no-clock-admitted',
    description:
      'during a psychiatric admission the municipal substance track starts at discharge with no clock (L 126 2023-24); no other track is deferred',
    check: (answers, plan) => {
      const admitted = answers['psychiatric-admission'] === 'yes';
      for (const t of plan.tracks) {
        if (t.service === 'municipal-substance-treatment' && admitted) {
          if (t.starts !== 'at-discharge') return 'substance track runs now during an admission';
          if (t.clock || t.deadlineDays !== undefined) return 'a 14-day clock runs during an admission';
        } else if (t.starts !== undefined) {
          return `${t.service} deferred to discharge without an admission`;
        }
      }
      return null;
    },
  },
  {
    id: 'I10-emergency-region',
    description:
      'the emergency step names only the plan’s region’s numbers (112 everywhere); without a region only 112 and the generic entry; the region is the configured place’s as of the plan’s date',
    check: (answers, plan, input) => {
      const expected = expectedRegion(input.context, plan.asOf);
      if (plan.region !== expected) return `region ${plan.region}, expected ${expected}`;
      for (const t of plan.tracks) {
        if (t.service !== 'emergency') {
          if (t.emergency) return `${t.service} carries emergency entries`;
          continue;
        }
        if (!t.emergency || t.emergency[0]?.phone !== '112') return 'the emergency step does not start with 112';
        for (const e of t.emergency) {
          if (e.region !== undefined && e.region !== plan.region) return `${e.id} (${e.region}) shown in ${plan.region ?? 'no region'}`;
          if (e.region === undefined && e.phone !== undefined && e.phone !== '112') return `${e.id} has a number but no region`;
          if (e.id === 'generic' && plan.region !== undefined) return 'generic entry although the region is known';
        }
        if (plan.region === undefined && t.emergency.some((e) => e.id === 'generic') === false) return 'no generic entry without a region';
      }
      return answers.acute === 'yes' || !plan.tracks.some((t) => t.emergency) ? null : 'emergency entries without acute danger';
    },
  },
];

/** The first violated invariant for this pair, as "id: message", or null. */
export function violation(answers: Answers, plan: ReferralPlan, input: PlanInput = NO_INPUT): string | null {
  for (const invariant of invariants) {
    const message = invariant.check(answers, plan, input);
    if (message) return `${invariant.id}: ${message}`;
  }
  return null;
}
