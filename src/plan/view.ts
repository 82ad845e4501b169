/**
 * Turns the machine's plan into what a reader sees: names, actions, deadlines, confidence in
 * plain words and source links, in one language. Pure joins of the plan with the rules data and
 * the locale texts — no rule is decided here (which services, in which order, with which
 * deadline and which flags all come from `planOf`). The screen, the printed note and the
 * copied summary all read this one view, so they cannot disagree.
 */
import { CONFIDENCES, questionById, rules, serviceTextBase, textKeyOf } from '../../machines/index.ts';
import { referralRules } from '../../machines/rules.ts';
import type {
  ServiceId,
  AnswerValue,
  Confidence,
  FlagId,
  QuestionId,
  ReferralPlan,
  TraceEntry,
  Track,
} from '../../machines/types.ts';
import type { Translator } from '../i18n/translator.ts';
import { answerLabel, questionLabel, type AnswerRow } from '../plan-labels.ts';

// The question and answer labels are a module of their own: the first question needs them, the
// plan view comes with the screens chunk (src/screens.ts).
export { answerLabel, answerRows, questionLabel, type AnswerRow } from '../plan-labels.ts';

export interface SourceView {
  id: string;
  title: string;
  url?: string;
}

export interface ConfidenceView {
  ruleId: string;
  ruleTitle: string;
  tag: Confidence;
  label: string;
  description: string;
}

/** The step's confidence, one entry per tag, naming the rules behind each tag. */
export interface ConfidenceGroup {
  tag: Confidence;
  label: string;
  description: string;
  rules: string[];
  ruleIds: string[];
}

export interface WhyView {
  questionId: string;
  question: string;
  answer: string;
  /** A question (Change re-asks it); otherwise a detail, changed on the review page. */
  editable: boolean;
}

export interface StepView {
  number: number;
  /** The number of the step this one runs together with (same `order`), or null. */
  parallelWith: number | null;
  service: string;
  name: string;
  description: string;
  action: string;
  authority: string;
  deadline: string | null;
  due: string | null;
  legalBasis: string[];
  confidence: ConfidenceView[];
  confidenceGroups: ConfidenceGroup[];
  sources: SourceView[];
  why: WhyView[];
  /** Open questions and review notes for this step, in plain words ("check locally"). */
  checkLocally: string[];
}

export type FlagKind = 'danger' | 'warning' | 'info';

export interface EscalationView {
  title: string;
  steps: string[];
}

export interface FlagView {
  id: FlagId;
  kind: FlagKind;
  title: string;
  body: string;
  confidence: string;
  sources: SourceView[];
}

export interface PlanView {
  validAsOf: string;
  requestDate: string | null;
  disclaimer: string;
  steps: StepView[];
  noReferral: string | null;
  flags: FlagView[];
  /** The two no-refusal rules quoted in full, when F-norefusal is on the plan. */
  noRefusal: { quotes: Array<{ ruleId: 'NR-K' | 'NR-R'; title: string; text: string }>; source: string } | null;
  escalation: EscalationView[];
  /** Small print at the end (F-region-2027). */
  smallPrint: FlagView[];
}


const referralRuleById = new Map(referralRules.map((r) => [r.id as string, r]));
const ruleById = new Map(rules.rules.map((r) => [r.id as string, r]));
const flagById = new Map(rules.flags.map((f) => [f.id as string, f]));
const sourceById = new Map(rules.sources.map((s) => [s.id as string, s]));

const isSmallPrint = (id: string) => flagById.get(id)?.severity === 'small-print';

function sourceViews(ids: readonly string[], tr: Translator): SourceView[] {
  return [...new Set(ids)].map((id) => {
    const def = sourceById.get(id);
    const key = `rules:source.${id}`;
    return { id, title: tr.has(key) ? tr.t(key) : (def?.title ?? id), ...(def?.url ? { url: def.url } : {}) };
  });
}

/**
 * The rules that are the reason for a track, not only along for it: a rule that adds a service
 * with `legalBasis: []` says "the track's other rules carry it" (e.g. the dual-diagnosis rule
 * keeps alcohol treatment running, but alcohol is why there is alcohol treatment). "Why?" lists
 * only the answers these rules read.
 */
function reasonRules(service: ServiceId, ruleIds: readonly string[]): string[] {
  const own = ruleIds.filter((id) => {
    const entry = referralRuleById.get(id)?.tracks.find((t) => t.service === service);
    return !(entry && Array.isArray(entry.legalBasis) && entry.legalBasis.length === 0);
  });
  return own.length > 0 ? own : [...ruleIds];
}

function whyOf(entry: TraceEntry, tr: Translator): WhyView {
  if (entry.questionId === 'request-date') {
    return {
      questionId: entry.questionId,
      question: tr.t('review.details.requestDate'),
      answer: tr.date(String(entry.value)),
      editable: false,
    };
  }
  if (entry.questionId === 'outpatient-insufficient') {
    return {
      questionId: entry.questionId,
      question: tr.t('review.details.outpatient'),
      answer: tr.t('common.yes'),
      editable: false,
    };
  }
  const id = entry.questionId as QuestionId;
  return {
    questionId: id,
    question: questionLabel(tr, id),
    answer: answerLabel(tr, id, entry.value as AnswerValue),
    editable: id in questionById,
  };
}

/** The "check locally" texts of a track (from the rules: open questions and review notes). */
export type CheckLocally = (track: Track) => string[];

export function buildPlanView(plan: ReferralPlan, tr: Translator, checkLocally: CheckLocally = () => []): PlanView {
  const steps: StepView[] = [];
  plan.tracks.forEach((track, i) => {
    const previous = i > 0 ? plan.tracks[i - 1] : null;
    const parallelWith =
      previous && previous.order === track.order
        ? (steps[i - 1].parallelWith ?? steps[i - 1].number)
        : null;
    const ruleDefs = track.ruleIds.map((id) => ruleById.get(id)).filter((r) => r !== undefined);
    const ownRules = reasonRules(track.service, track.ruleIds);
    const base = `rules:${serviceTextBase(track)}`;
    const plain = `rules:service.${track.service}`;
    const deadlineKey = track.deadlineDays !== undefined ? `rules:deadline.${track.deadlineDays}` : null;
    // Only a clock whose start date is known has a due date (R4/R9 run from the region's receipt,
    // R6 from acceptance after visitation; machines/plan.ts).
    const due = track.clock?.due ?? null;
    const confidence = ruleDefs.map((r) => ({
      ruleId: r.id,
      ruleTitle: tr.t(`rules:rule.${r.id}.title`),
      tag: r.confidence,
      label: tr.t(`rules:confidence.${r.confidence}.label`),
      description: tr.t(`rules:confidence.${r.confidence}.description`),
    }));
    const confidenceGroups = CONFIDENCES.flatMap((tag) => {
      const members = confidence.filter((c) => c.tag === tag);
      return members.length
        ? [{ tag, label: members[0].label, description: members[0].description, rules: members.map((m) => m.ruleTitle), ruleIds: members.map((m) => m.ruleId) }]
        : [];
    });
    steps.push({
      number: i + 1,
      parallelWith,
      service: track.service,
      name: tr.has(`${base}.name`) ? tr.t(`${base}.name`) : tr.t(`${plain}.name`),
      // Training mode's texts; the caseworkers' IIFE leaves them out (scripts/vite-plugins.ts).
      description: tr.has(`${base}.description`) ? tr.t(`${base}.description`) : '',
      action: tr.has(`${base}.action`) ? tr.t(`${base}.action`) : '',
      // Under 18 the rules name no authority of their own (out of scope); the one to contact is
      // the municipality's children and youth counselling, as the action says.
      authority: track.service === 'youth-services' ? tr.t('act.title.youth') : tr.t(`rules:authority.${track.authority}`),
      deadline: deadlineKey
        ? tr.has(deadlineKey)
          ? tr.t(deadlineKey)
          : String(track.deadlineDays)
        : track.service === 'emergency'
          ? tr.t('rules:deadline.now')
          : null,
      due: due ? tr.t('plan.due', { date: tr.date(due) }) : null,
      legalBasis: track.legalBasis,
      confidence,
      confidenceGroups,
      sources: sourceViews(
        ruleDefs.flatMap((r) => r.sources),
        tr,
      ),
      why: plan.trace
        .filter((entry) => entry.ruleIds.some((id) => ownRules.includes(id)))
        .map((entry) => whyOf(entry, tr)),
      checkLocally: checkLocally(track),
    });
  });

  const flagViews: FlagView[] = plan.flags.map((id) => {
    const def = flagById.get(id);
    return {
      id,
      kind: def?.severity === 'danger' || def?.severity === 'warning' ? def.severity : 'info',
      title: tr.t(`rules:${textKeyOf(`flag.${id}`, plan.asOf)}.title`),
      body: tr.t(`rules:${textKeyOf(`flag.${id}`, plan.asOf)}.body`),
      confidence: def ? tr.t(`rules:confidence.${def.confidence}.label`) : '',
      sources: sourceViews(def?.sources ?? [], tr),
    };
  });

  const escalation: EscalationView[] = [];
  const escalate = (key: string) =>
    escalation.push({ title: tr.t(`rules:escalation.${key}.title`), steps: tr.list(`rules:escalation.${key}.steps`) });
  if (plan.flags.includes('F-escalate-kommune')) escalate('kommune');
  if (plan.flags.includes('F-escalate-region')) escalate('region');
  if (escalation.length > 0) escalate('general');

  return {
    validAsOf: tr.date(plan.rulesValidAsOf),
    requestDate: plan.requestDate ? tr.date(plan.requestDate) : null,
    disclaimer: tr.t('rules:disclaimer'),
    steps,
    noReferral: plan.tracks.length === 0 ? tr.t('rules:noReferral') : null,
    flags: flagViews.filter((f) => !isSmallPrint(f.id)),
    noRefusal: plan.flags.includes('F-norefusal')
      ? {
          quotes: (['NR-K', 'NR-R'] as const).map((ruleId) => ({
            ruleId,
            title: tr.t(`rules:rule.${ruleId}.title`),
            text: tr.t(`rules:noRefusal.${ruleId}`),
          })),
          source: tr.t('rules:noRefusal.source'),
        }
      : null,
    escalation,
    smallPrint: flagViews.filter((f) => isSmallPrint(f.id)),
  };
}
