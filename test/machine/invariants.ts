/**
 * The invariants of referral-rules.md / issue 2, as checks on one (answers, plan) pair. Shared by
 * the every-path test and `npm run rules:report`. Each returns a message when violated, else null.
 */
import { rules, type Answers, type ReferralPlan, type ServiceId } from '../../machines/index.ts';

const ruleIds = new Set<string>(rules.rules.map((r) => r.id));
const flagIds = new Set<string>(rules.flags.map((f) => f.id));
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
  check: (answers: Answers, plan: ReferralPlan) => string | null;
}

export const invariants: Invariant[] = [
  {
    id: 'I1-plan',
    description: 'the path ends in a plan with rulesValidAsOf, F-region-2027 and a trace of every answer',
    check: (answers, plan) => {
      if (!plan || !Array.isArray(plan.tracks)) return 'no plan';
      if (plan.rulesValidAsOf !== rules.rulesValidAsOf) return 'rulesValidAsOf missing';
      if (!plan.flags.includes('F-region-2027')) return 'F-region-2027 missing';
      const answered = Object.keys(answers).filter((k) => answers[k as keyof Answers] !== undefined);
      const traced = plan.trace.filter((t) => t.questionId !== 'request-date' && t.questionId !== 'outpatient-insufficient');
      if (traced.length !== answered.length) return `trace has ${traced.length} answers, path has ${answered.length}`;
      return null;
    },
  },
  {
    id: 'I2-no-wait',
    description:
      'substance use + treatment-requiring mental illness or trauma → a regional track and a substance track, F-norefusal, and no treatment track waits for another',
    check: (answers, plan) => {
      const substance = has(answers, 'substances', 'alcohol') || has(answers, 'substances', 'drugs');
      const serious = has(answers, 'mental-health', 'treatment-requiring') || has(answers, 'trauma', 'suspected') || has(answers, 'trauma', 'diagnosed');
      const services = plan.tracks.map((t) => t.service);
      const treatmentOrders = new Set(plan.tracks.filter((t) => TREATMENT.has(t.service)).map((t) => t.order));
      if (treatmentOrders.size > 1) return `treatment tracks at different steps: ${JSON.stringify(plan.tracks.map((t) => [t.service, t.order]))}`;
      if (!(substance && serious)) return null;
      if (!services.some((s) => s === 'integrated-dual-diagnosis' || s === 'regional-psychiatry')) return 'no regional track';
      if (!services.some((s) => s === 'integrated-dual-diagnosis' || s === 'municipal-substance-treatment')) return 'no substance track';
      if (!services.includes('municipal-substance-treatment')) return 'municipal substance treatment does not keep running (R7)';
      if (!plan.flags.includes('F-norefusal')) return 'F-norefusal missing';
      const clinic = plan.tracks.find((t) => t.service === 'refugee-trauma-clinic');
      const firstTreatment = Math.min(...plan.tracks.filter((t) => TREATMENT.has(t.service)).map((t) => t.order));
      if (clinic && clinic.order < firstTreatment) return 'refugee clinic before the regional track (R11)';
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
      const emergency = plan.tracks.filter((t) => t.service === 'emergency');
      if (answers.acute !== 'yes') return emergency.length ? 'emergency track without acute danger' : null;
      if (plan.tracks[0]?.service !== 'emergency' || plan.tracks[0].order !== 0) return 'emergency is not first';
      if (plan.tracks.filter((t) => t.order === 0).length !== 1) return 'another track shares the emergency step';
      if (!plan.flags.includes('F-acute')) return 'F-acute missing';
      return null;
    },
  },
  {
    id: 'I5-under-18',
    description: 'under-18 → only youth-services (after emergency if acute)',
    check: (answers, plan) => {
      if (answers.age !== 'under-18') return plan.tracks.some((t) => t.service === 'youth-services') ? 'youth services for an adult' : null;
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
      const flag = plan.flags.find((f) => !flagIds.has(f));
      if (flag) return `unknown flag ${flag}`;
      const traced = plan.trace.flatMap((t) => t.ruleIds).find((id) => !ruleIds.has(id) && !flagIds.has(id));
      return traced ? `trace names unknown id ${traced}` : null;
    },
  },
  {
    id: 'I7-warnings',
    description: 'children or pregnancy → F-children; each reported refusal → its escalation flag and F-norefusal',
    check: (answers, plan) => {
      const f = new Set(plan.flags);
      if ((answers.children === 'yes' || answers.children === 'pregnant') !== f.has('F-children')) return 'F-children wrong';
      const kommune = has(answers, 'refusal', 'substance-treatment-refused');
      const region = has(answers, 'refusal', 'psychiatry-refused') || has(answers, 'refusal', 'trauma-clinic-refused');
      if (kommune !== f.has('F-escalate-kommune')) return 'F-escalate-kommune wrong';
      if (region !== f.has('F-escalate-region')) return 'F-escalate-region wrong';
      if ((kommune || region) && !f.has('F-norefusal')) return 'refusal without F-norefusal';
      return null;
    },
  },
];

/** The first violated invariant for this pair, as "id: message", or null. */
export function violation(answers: Answers, plan: ReferralPlan): string | null {
  for (const invariant of invariants) {
    const message = invariant.check(answers, plan);
    if (message) return `${invariant.id}: ${message}`;
  }
  return null;
}
