/**
 * How config layers combine (src/config/load.ts re-exports it). Kept apart from the validation,
 * so the element can merge without loading zod: validation is a chunk of its own, loaded only
 * when a config is given.
 */
import type { ReferralConfig } from './schema.ts';

/**
 * Later layers win: `region` and `municipality` are replaced, `contacts` are replaced per
 * service id (a file that names `gp` replaces the property's `gp` list, and keeps its other
 * services), `notes` are replaced as a whole.
 */
export function mergeConfigs(...layers: ReadonlyArray<ReferralConfig | null | undefined>): ReferralConfig {
  const out: ReferralConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.region !== undefined) out.region = layer.region;
    if (layer.municipality !== undefined) out.municipality = layer.municipality;
    if (layer.contacts !== undefined) out.contacts = { ...out.contacts, ...layer.contacts };
    if (layer.notes !== undefined) out.notes = layer.notes;
  }
  return out;
}
