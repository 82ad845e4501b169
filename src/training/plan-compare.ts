/**
 * Set comparisons for the trainer: the machine's plan against the scenario's expected services
 * and flags, and a what-if plan against the scenario's own plan. Pure; the plans come from the
 * machine, the expectations from the scenario file.
 */
import { FLAG_IDS, SERVICE_IDS, type FlagId, type ReferralPlan, type ServiceId } from '../../machines/index.ts';

export type Mark = 'match' | 'missing' | 'unexpected';

export interface Compared<T extends string> {
  id: T;
  /** match: in both; missing: expected, not in the plan; unexpected: in the plan, not expected. */
  mark: Mark;
}

export interface Comparison {
  services: Compared<ServiceId>[];
  flags: Compared<FlagId>[];
  matches: boolean;
  differences: number;
}

function compareSets<T extends string>(order: readonly T[], actual: readonly T[], expected: readonly T[]): Compared<T>[] {
  return order
    .filter((id) => actual.includes(id) || expected.includes(id))
    .map((id) => ({ id, mark: actual.includes(id) ? (expected.includes(id) ? 'match' : 'unexpected') : 'missing' }));
}

export function compareWithExpected(
  plan: ReferralPlan,
  expected: { services: readonly ServiceId[]; flags: readonly FlagId[] },
): Comparison {
  const services = compareSets(SERVICE_IDS, plan.tracks.map((t) => t.service), expected.services);
  const flags = compareSets(FLAG_IDS, plan.flags, expected.flags);
  const differences = [...services, ...flags].filter((c) => c.mark !== 'match').length;
  return { services, flags, matches: differences === 0, differences };
}

export interface PlanDiff {
  servicesAdded: ServiceId[];
  servicesRemoved: ServiceId[];
  flagsAdded: FlagId[];
  flagsRemoved: FlagId[];
}

/** What a what-if change did to the plan. */
export function diffPlans(before: ReferralPlan, after: ReferralPlan): PlanDiff {
  const bs = before.tracks.map((t) => t.service);
  const as = after.tracks.map((t) => t.service);
  return {
    servicesAdded: as.filter((s) => !bs.includes(s)),
    servicesRemoved: bs.filter((s) => !as.includes(s)),
    flagsAdded: after.flags.filter((f) => !before.flags.includes(f)),
    flagsRemoved: before.flags.filter((f) => !after.flags.includes(f)),
  };
}

export const isEmptyDiff = (d: PlanDiff) =>
  d.servicesAdded.length + d.servicesRemoved.length + d.flagsAdded.length + d.flagsRemoved.length === 0;
