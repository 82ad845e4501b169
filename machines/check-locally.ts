/**
 * "Check locally": the open legal questions (referral-rules.md section 5) and the rules' review
 * notes that concern a step or a warning, in the rules data's words' ids. The UI shows them on the
 * step they concern and in the printed note (texts: rules.json `openQuestion.<id>` and
 * `reviewNote.<ruleId or flagId>`, plain words without rule ids). Pure; no rule is decided here.
 */
import { isValidOn } from './dated.ts';
import { flags, openQuestions, referralRules, textVariants } from './rules.ts';
import type { FlagId, Track } from './types.ts';

export interface CheckLocallyItem {
  kind: 'open-question' | 'review-note';
  /** The open question's id ('1'…'5'), or the rule's / flag's id whose review note it is. */
  id: string;
}

const ruleById = new Map(referralRules.map((r) => [r.id as string, r]));
const flagById = new Map(flags.map((f) => [f.id as string, f]));

/** The open questions and review notes of a track's rules, as of a date (each once). */
export function checkLocallyFor(track: Pick<Track, 'ruleIds'>, asOf: string): CheckLocallyItem[] {
  const items: CheckLocallyItem[] = [];
  for (const q of openQuestions) {
    if (isValidOn(q, asOf) && q.rules?.some((id) => track.ruleIds.includes(id))) items.push({ kind: 'open-question', id: q.id });
  }
  for (const id of track.ruleIds) {
    const rule = ruleById.get(id);
    if (rule?.reviewNote && isValidOn(rule, asOf)) items.push({ kind: 'review-note', id });
  }
  return items;
}

/** The same for a warning (flag). */
export function checkLocallyForFlag(flagId: FlagId, asOf: string): CheckLocallyItem[] {
  const items: CheckLocallyItem[] = [];
  for (const q of openQuestions) {
    if (isValidOn(q, asOf) && q.flags?.includes(flagId)) items.push({ kind: 'open-question', id: q.id });
  }
  const flag = flagById.get(flagId);
  if (flag?.reviewNote && isValidOn(flag, asOf)) items.push({ kind: 'review-note', id: flagId });
  return items;
}

/** The locale key of a check-locally item (rules namespace). */
export function checkLocallyKey(item: CheckLocallyItem): string {
  return item.kind === 'open-question' ? `openQuestion.${item.id}` : `reviewNote.${item.id}`;
}

/**
 * A text key as of a date: `base` before its first dated variant, `base@<validFrom>` from it
 * (e.g. `flag.F-region-2027` → `flag.F-region-2027@2027-01-01` from 2027-01-01).
 */
export function textKeyOf(base: string, asOf: string): string {
  const variants = textVariants[base];
  let key = base;
  for (const v of variants ?? []) if (v.validFrom <= asOf) key = `${base}@${v.validFrom}`;
  return key;
}

/** The key prefix of a track's service texts (name, description, action), with its variant. */
export function serviceTextBase(track: Pick<Track, 'service' | 'variant'>): string {
  return track.variant ? `service.${track.service}.variants.${track.variant}` : `service.${track.service}`;
}
