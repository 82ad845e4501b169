/**
 * Which door each service is reached through: the plan's actions group tracks by door, so that
 * everything one person is asked for becomes one action (all referrals to the region's psychiatry
 * go through one GP appointment, or the substance unit's doctor; not three separate cards).
 * Data, read by the plan view (src/plan/actions.ts); no rule decides anything here.
 */
import type { ServiceId } from './types.ts';

export const DOORS = [
  'emergency',
  'youth',
  'substance-unit',
  'regional-referral',
  'ward',
  'municipality-social',
] as const;
export type Door = (typeof DOORS)[number];

/**
 * - `emergency`: 112 / the psychiatric emergency entry, now.
 * - `youth`: the municipality's children and youth counselling.
 * - `substance-unit`: the municipal substance-treatment unit; the citizen may go directly.
 * - `regional-referral`: one referral to the region, written by the GP (egen læge) or the doctor
 *   at the substance-treatment unit (referral-rules.md R4, R6, R9, R10, R11; R5 is the GP itself).
 * - `ward`: the psychiatric ward the citizen is admitted to (R8).
 * - `municipality-social`: the municipality's shelter and housing support (R13).
 */
export const SERVICE_DOOR: Readonly<Record<ServiceId, Door>> = {
  emergency: 'emergency',
  'youth-services': 'youth',
  'municipal-substance-treatment': 'substance-unit',
  'regional-psychiatry': 'regional-referral',
  'integrated-dual-diagnosis': 'regional-referral',
  'regional-trauma-treatment': 'regional-referral',
  'refugee-trauma-clinic': 'regional-referral',
  gp: 'regional-referral',
  'psychiatric-inpatient': 'ward',
  'homelessness-support': 'municipality-social',
};

export function doorOf(service: ServiceId): Door {
  return SERVICE_DOOR[service];
}
