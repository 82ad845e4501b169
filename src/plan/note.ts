/**
 * The case-file note: a journal note, not the screen. Date, the answers that mattered, the actions
 * with their clocks and contacts, legal bases in short form, what to check locally, "decision
 * support, not a decision" and the rules date. No web addresses, no rule ids, no screen sentences
 * ("click", "show"). "Copy note" puts `noteText` on the clipboard; the printed note
 * (src/plan/referral-note.ts) renders the same `NoteModel`, with the refusal steps added.
 */
import type { ReferralPlan } from '../../machines/types.ts';
import type { Translator } from '../i18n/translator.ts';
import { answerLabel, questionLabel } from '../plan-labels.ts';
import { questionById } from '../../machines/questions.ts';
import type { AnswerValue, QuestionId } from '../../machines/types.ts';
import type { ContactView } from '../config/view.ts';
import { actionText, emergencyLines } from './action-text.ts';
import type { PlanAction } from './actions.ts';

export interface NoteAction {
  title: string;
  who: string;
  /** Everything the action asks (the printed note). */
  asks: string[];
  /** What the copied note keeps: what to ask for, not how (the referral's items, residential, …). */
  core: string[];
  /** "Start within 14 days of the citizen's request, by 8 December 2026" */
  clocks: string[];
  contacts: string[];
  legalBasis: string[];
}

export interface NoteModel {
  title: string;
  date: string;
  facts: Array<{ question: string; answer: string }>;
  actions: NoteAction[];
  noReferral: string | null;
  checkLocally: string[];
  checkLocallyFlags: string[];
  decisionSupport: string;
  rulesDate: string;
}

/** A contact in a note: name and the ways to reach it that work on paper (no web address). */
export function noteContact(c: ContactView): string {
  return [c.name.text, c.phone?.text, c.email?.text].filter(Boolean).join(', ');
}

/** The asks a journal note keeps; the others say how to go about it, which the case file needs not. */
const NOTE_ASKS: ReadonlySet<string> = new Set([
  'referral',
  'residential',
  'rules:starts.at-discharge',
  'housingShelter',
  'housingAtRisk',
  'escalateKommune',
  'escalateRegion',
  'youth',
  'ward',
]);

function emergencyAsks(action: PlanAction, tr: Translator): string[] {
  const lines = emergencyLines(action, tr);
  const entries = lines.entries.map((e) => [e.text, e.phone ? e.label : null].filter(Boolean).join(' '));
  return [...entries.map((e) => (/[.!?]$/.test(e) ? e : `${e}.`)), ...(lines.compulsory ? [lines.compulsory] : [])];
}

export function buildNote(
  plan: ReferralPlan,
  actions: PlanAction[],
  tr: Translator,
  asOf: string,
  checkLocally: string[] = [],
  /** Printed note only: the review notes and the warnings' questions too (the copied note keeps the steps' open questions). */
  checkLocallyFlags: string[] = [],
): NoteModel {
  // The answers that mattered: those some rule or warning read.
  const facts = plan.trace
    .filter((e) => e.ruleIds.length > 0 && e.questionId in questionById)
    .map((e) => ({
      question: questionLabel(tr, e.questionId as QuestionId),
      answer: answerLabel(tr, e.questionId as QuestionId, e.value as AnswerValue),
    }));
  if (plan.requestDate) facts.push({ question: tr.t('review.details.requestDate'), answer: tr.date(plan.requestDate) });
  return {
    title: tr.t('note.title'),
    date: tr.date(asOf),
    facts,
    actions: actions.map((a) => {
      const text = actionText(a, tr, asOf);
      return {
        title: text.title,
        who: text.who,
        asks: a.kind === 'emergency' ? emergencyAsks(a, tr) : text.asks,
        core: a.kind === 'emergency' ? emergencyAsks(a, tr) : text.asks.filter((_, i) => NOTE_ASKS.has(a.asks[i])),
        // A date, or only the rule: the screen's hint ("give the request date …") is not for the file.
        clocks: text.clocks.map((c) => (c.due ? `${c.rule}: ${c.when}` : c.rule)),
        contacts: text.contacts.map(noteContact),
        legalBasis: a.legalBasis,
      };
    }),
    noReferral: plan.tracks.length === 0 ? tr.t('rules:noReferral') : null,
    checkLocally: [...new Set(checkLocally)],
    checkLocallyFlags: [...new Set(checkLocallyFlags)].filter((c) => !checkLocally.includes(c)),
    decisionSupport: tr.t('note.decisionSupport'),
    rulesDate: tr.t('note.rulesDate', { date: tr.date(plan.rulesValidAsOf) }),
  };
}

/** The note as plain text for the case file. */
export function noteText(note: NoteModel, tr: Translator): string {
  const lines = [`${note.title} ${note.date}`, `${note.decisionSupport} ${note.rulesDate}`];
  if (note.facts.length) lines.push(`${tr.t('note.facts')}: ${note.facts.map((f) => `${f.question}: ${f.answer}`).join('; ')}.`);
  if (note.noReferral) lines.push(note.noReferral);
  if (note.actions.length) lines.push(`${tr.t('note.actions')}:`);
  note.actions.forEach((a, i) => {
    const parts = [`${i + 1}. ${a.title}.`, ...a.core];
    for (const c of a.clocks) parts.push(`${c}.`);
    if (a.contacts.length) parts.push(`${tr.t('note.contact')}: ${a.contacts.join('; ')}.`);
    if (a.legalBasis.length) parts.push(`(${a.legalBasis.join('; ')})`);
    lines.push(parts.join(' '));
  });
  if (note.checkLocally.length) lines.push(`${tr.t('note.checkLocally')}: ${note.checkLocally.join(' ')}`);
  return lines.join('\n');
}
