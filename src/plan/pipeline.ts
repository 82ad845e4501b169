/**
 * The plan pipeline in one place: plan (machines/) → view (view.ts) → actions (actions.ts) →
 * case-file note (note.ts). `<referral-guide>` calls these for the screen, the printed note and
 * the copied note, so all three say the same thing.
 */
import { checkLocallyFor, checkLocallyForFlag, checkLocallyKey, type CheckLocallyItem } from '../../machines/check-locally.ts';
import type { FlagId, ReferralPlan, Track } from '../../machines/types.ts';
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
  return plan.asOf ?? today;
}

/** "Check locally" for a track, in words: the open questions and review notes the rules attach. */
export function checkLocallyTexts(tr: Translator, asOf: string): (track: Track) => string[] {
  return (track) => itemTexts(checkLocallyFor(track, asOf), tr);
}

function itemTexts(items: CheckLocallyItem[], tr: Translator): string[] {
  return items.map((i) => `rules:${checkLocallyKey(i)}`).filter((key) => tr.has(key)).map((key) => tr.t(key));
}

/** "Check locally" for the warnings an action carries (e.g. the duty to report: which sections). */
export function flagCheckLocally(flags: readonly FlagId[], tr: Translator, asOf: string): string[] {
  return flags.flatMap((f) => itemTexts(checkLocallyForFlag(f, asOf), tr));
}

export function planScreen(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): PlanScreen {
  const asOf = asOfOf(plan, today);
  return {
    view: buildPlanView(plan, tr, checkLocallyTexts(tr, asOf)),
    actions: buildActions(plan, local, asOf),
    asOf,
  };
}

/**
 * The note. Its "check locally" is in two parts: the open legal questions of the plan's steps (in
 * the copied note too), and the review notes and the warnings' questions (the printed note adds them).
 */
export function planNote(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): NoteModel {
  const asOf = asOfOf(plan, today);
  const actions = buildActions(plan, local, asOf);
  const items = plan.tracks.flatMap((t) => checkLocallyFor(t, asOf));
  const open = itemTexts(items.filter((i) => i.kind === 'open-question'), tr);
  const more = [...itemTexts(items.filter((i) => i.kind !== 'open-question'), tr), ...flagCheckLocally(plan.flags, tr, asOf)];
  return buildNote(plan, actions, tr, asOf, open, more);
}

/** The case-file note as plain text (what "Copy note" puts on the clipboard). */
export function planNoteText(plan: ReferralPlan, tr: Translator, local: LocalView | null, today: string): string {
  return noteText(planNote(plan, tr, local, today), tr);
}
