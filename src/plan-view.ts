/**
 * Turns the machine's plan into what a reader sees: names, actions, deadlines, confidence in
 * plain words and source links, in one language. Pure joins of the plan with the rules data and
 * the locale texts — no rule is decided here (which services, in which order, with which
 * deadline and which flags all come from `planOf`). The screen, the printed note and the
 * copied summary all read this one view, so they cannot disagree.
 */
import { CONFIDENCES, questionById, rules, serviceTextBase, textKeyOf } from '../machines/index.ts';
import type {
  ServiceId,
  AnswerValue,
  Confidence,
  FlagId,
  QuestionId,
  ReferralPlan,
  TraceEntry,
} from '../machines/types.ts';
import { contactHeading, contactLine, type LocalView } from './config/view.ts';
import type { Translator } from './i18n/translator.ts';
import { answerLabel, questionLabel, type AnswerRow } from './plan-labels.ts';

// The question and answer labels are a module of their own: the first question needs them, the
// plan view comes with the screens chunk (src/screens.ts).
export { answerLabel, answerRows, questionLabel, type AnswerRow } from './plan-labels.ts';

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

export function buildPlanView(plan: ReferralPlan, tr: Translator): PlanView {
  const steps: StepView[] = [];
  plan.tracks.forEach((track, i) => {
    const previous = i > 0 ? plan.tracks[i - 1] : null;
    const parallelWith =
      previous && previous.order === track.order
        ? (steps[i - 1].parallelWith ?? steps[i - 1].number)
        : null;
    const ruleDefs = track.ruleIds.map((id) => ruleById.get(id)).filter((r) => r !== undefined);
    const base = `rules:${serviceTextBase(track)}`;
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
      name: tr.t(`${base}.name`),
      description: tr.t(`${base}.description`),
      action: tr.t(`${base}.action`),
      authority: tr.t(`rules:authority.${track.authority}`),
      deadline: deadlineKey
        ? tr.has(deadlineKey)
          ? tr.t(deadlineKey)
          : String(track.deadlineDays)
        : track.service === 'emergency'
          ? tr.t('rules:deadline.now')
          : null,
      due: due ? tr.t(track.clock?.overdue ? 'rules:clock.overdue' : 'plan.due', { date: tr.date(due) }) : null,
      legalBasis: track.legalBasis,
      confidence,
      confidenceGroups,
      sources: sourceViews(
        ruleDefs.flatMap((r) => r.sources),
        tr,
      ),
      why: plan.trace
        .filter((entry) => entry.ruleIds.some((id) => track.ruleIds.includes(id)))
        .map((entry) => whyOf(entry, tr)),
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

/** The plain-text summary for the case file (what "Copy summary" puts on the clipboard). */
export function planToText(view: PlanView, answers: AnswerRow[], tr: Translator, today: string, local?: LocalView): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(tr.t('note.title'), tr.t('note.created', { date: tr.date(today) }), tr.t('plan.validAsOf', { date: view.validAsOf }));
  if (view.requestDate) push(tr.t('plan.requestDate', { date: view.requestDate }));
  push(view.disclaimer, '');
  push(`${tr.t('note.answersHeading')}:`);
  for (const row of answers) push(`- ${row.question}: ${row.answer}`);
  push('');
  push(`${tr.t('note.stepsHeading')}:`);
  if (view.noReferral) push(view.noReferral);
  for (const step of view.steps) {
    push(`${step.number}. ${step.name}${step.parallelWith ? ` (${tr.t('plan.parallel', { n: step.parallelWith })})` : ''}`);
    push(`   ${tr.t('plan.responsible')}: ${step.authority}`);
    push(`   ${tr.t('plan.whatNow')}: ${step.action}`);
    if (step.deadline) push(`   ${step.deadline}${step.due ? ` (${step.due})` : ''}`);
    if (step.legalBasis.length) push(`   ${tr.t('plan.legalBasis')}: ${step.legalBasis.join('; ')}`);
    if (step.confidence.length)
      push(`   ${tr.t('plan.confidence')}: ${confidenceLine(step)}`);
    if (step.sources.length)
      push(`   ${tr.t('plan.sources')}: ${step.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; ')}`);
    for (const contact of local?.contacts[step.service as ServiceId] ?? []) push(`   ${contactHeading(local!, (key, params) => tr.t(key, params))}: ${contactLine(contact)}`);
  }
  if (local?.notes.length) {
    push('', `${tr.t('local.notesHeading')}:`);
    for (const note of local.notes) push(`- ${note.text}`);
  }
  if (view.flags.length) {
    push('', `${tr.t('note.flagsHeading')}:`);
    for (const flag of view.flags) push(`- ${flag.title}: ${flag.body}`);
  }
  if (view.noRefusal) {
    push('', `${tr.t('plan.noRefusalHeading')}:`);
    for (const q of view.noRefusal.quotes) push(`${q.ruleId}: ${tr.t('note.quote', { text: q.text })}`);
    push(`(${view.noRefusal.source})`);
  }
  for (const esc of view.escalation) {
    push('', `${esc.title}:`);
    esc.steps.forEach((s, i) => push(`${i + 1}. ${s}`));
  }
  for (const flag of view.smallPrint) push('', `${flag.title}: ${flag.body}`);
  return lines.join('\n');
}

/** "Verified (R1, R2) · Partly verified – check locally (R4)": one line for a note. */
export function confidenceLine(step: StepView): string {
  return step.confidenceGroups.map((g) => `${g.label} (${g.ruleIds.join(', ')})`).join(' · ');
}
