/**
 * Regions and municipalities as dated data. Denmark has 98 municipalities in five regions
 * (regionsloven § 1); on 2027-01-01 Region Hovedstaden and Region Sjælland become Region Østdanmark
 * (LOV nr. 699 af 20/06/2025, overgangsloven, § 126). A host's configuration may name only its
 * municipality: `regionOf` finds the region as of a date.
 *
 * The emergency entries of R12 are here too, each with its region (and, inside Region Østdanmark,
 * the former region's area it serves), its dates, confidence and sources: without a region the
 * plan names the rule generically and never another region's number.
 */
import { isValidOn, type Validity } from './dated.ts';
import type { Confidence, EmergencyEntry, RegionId } from './types.ts';

export const MERGER_DATE = '2027-01-01';

export interface RegionDef extends Validity {
  id: RegionId;
  /** The official name (texts: rules.json `region.<id>`). */
  name: string;
  /** The region that takes over on the day after validTo. */
  successor?: RegionId;
  /** For a region made of others: the regions it takes over. */
  predecessors?: RegionId[];
  sources: string[];
}

export const regionDefs: RegionDef[] = [
  { id: 'hovedstaden', name: 'Region Hovedstaden', validFrom: '2007-01-01', validTo: '2026-12-31', successor: 'oestdanmark', sources: ['regionsloven', 'lov-699-2025'] },
  { id: 'sjaelland', name: 'Region Sjælland', validFrom: '2007-01-01', validTo: '2026-12-31', successor: 'oestdanmark', sources: ['regionsloven', 'lov-699-2025'] },
  { id: 'syddanmark', name: 'Region Syddanmark', validFrom: '2007-01-01', sources: ['regionsloven'] },
  { id: 'midtjylland', name: 'Region Midtjylland', validFrom: '2007-01-01', sources: ['regionsloven'] },
  { id: 'nordjylland', name: 'Region Nordjylland', validFrom: '2007-01-01', sources: ['regionsloven'] },
  {
    id: 'oestdanmark',
    name: 'Region Østdanmark',
    validFrom: MERGER_DATE,
    predecessors: ['hovedstaden', 'sjaelland'],
    sources: ['lov-699-2025'],
  },
];

export interface Municipality {
  /** kommunenummer, three digits */
  code: string;
  name: string;
  /** The region since 2007 (the area it belongs to inside Region Østdanmark from 2027). */
  region: 'hovedstaden' | 'sjaelland' | 'syddanmark' | 'midtjylland' | 'nordjylland';
}

/** "101 København; 147 Frederiksberg" → municipalities of one region. */
const m = (region: Municipality['region'], list: string): Municipality[] =>
  list.split(';').map((entry) => {
    const text = entry.trim();
    return { code: text.slice(0, 3), name: text.slice(4), region };
  });

/** The 98 municipalities (Danmarks Statistik's kommunenumre) and their region since 2007. */
export const municipalities: readonly Municipality[] = [
  ...m(
    'hovedstaden',
    '101 København; 147 Frederiksberg; 151 Ballerup; 153 Brøndby; 155 Dragør; 157 Gentofte; 159 Gladsaxe; 161 Glostrup; 163 Herlev; 165 Albertslund; 167 Hvidovre; 169 Høje-Taastrup; 173 Lyngby-Taarbæk; 175 Rødovre; 183 Ishøj; 185 Tårnby; 187 Vallensbæk; 190 Furesø; 201 Allerød; 210 Fredensborg; 217 Helsingør; 219 Hillerød; 223 Hørsholm; 230 Rudersdal; 240 Egedal; 250 Frederikssund; 260 Halsnæs; 270 Gribskov; 400 Bornholm',
  ),
  ...m(
    'sjaelland',
    '253 Greve; 259 Køge; 265 Roskilde; 269 Solrød; 306 Odsherred; 316 Holbæk; 320 Faxe; 326 Kalundborg; 329 Ringsted; 330 Slagelse; 336 Stevns; 340 Sorø; 350 Lejre; 360 Lolland; 370 Næstved; 376 Guldborgsund; 390 Vordingborg',
  ),
  ...m(
    'syddanmark',
    '410 Middelfart; 420 Assens; 430 Faaborg-Midtfyn; 440 Kerteminde; 450 Nyborg; 461 Odense; 479 Svendborg; 480 Nordfyns; 482 Langeland; 492 Ærø; 510 Haderslev; 530 Billund; 540 Sønderborg; 550 Tønder; 561 Esbjerg; 563 Fanø; 573 Varde; 575 Vejen; 580 Aabenraa; 607 Fredericia; 621 Kolding; 630 Vejle',
  ),
  ...m(
    'midtjylland',
    '615 Horsens; 657 Herning; 661 Holstebro; 665 Lemvig; 671 Struer; 706 Syddjurs; 707 Norddjurs; 710 Favrskov; 727 Odder; 730 Randers; 740 Silkeborg; 741 Samsø; 746 Skanderborg; 751 Aarhus; 756 Ikast-Brande; 760 Ringkøbing-Skjern; 766 Hedensted; 779 Skive; 791 Viborg',
  ),
  ...m(
    'nordjylland',
    '773 Morsø; 787 Thisted; 810 Brønderslev; 813 Frederikshavn; 820 Vesthimmerlands; 825 Læsø; 840 Rebild; 846 Mariagerfjord; 849 Jammerbugt; 851 Aalborg; 860 Hjørring',
  ),
];

const byCode = new Map(municipalities.map((mu) => [mu.code, mu]));

/** "Københavns Kommune", "kobenhavn", "Aarhus Kommune", "Århus" → one key. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+(regions)?kommune$/, '')
    .replace(/^(.*)s$/, (all, stem: string) => (byNameRaw.has(stem) ? stem : all))
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');
}
const byNameRaw = new Set(municipalities.map((mu) => mu.name.toLowerCase()));
const byName = new Map(municipalities.map((mu) => [nameKey(mu.name), mu]));
// Common older or informal spellings.
byName.set(nameKey('Århus'), byCode.get('751')!);
byName.set(nameKey('Copenhagen'), byCode.get('101')!);
byName.set(nameKey('Nordfyn'), byCode.get('480')!);
byName.set(nameKey('Lyngby'), byCode.get('173')!);
byName.set(nameKey('Høje Taastrup'), byCode.get('169')!);

export function municipalityOf(where: { municipalityCode?: string; municipalityName?: string }): Municipality | undefined {
  if (where.municipalityCode) {
    const found = byCode.get(where.municipalityCode);
    if (found) return found;
  }
  return where.municipalityName ? byName.get(nameKey(where.municipalityName)) : undefined;
}

const regionById = new Map(regionDefs.map((r) => [r.id, r]));

export function regionDefOf(id: RegionId): RegionDef {
  return regionById.get(id)!;
}

/** A region that existed on `asOf` (following successors forward in time). */
function asOfDate(id: RegionId, asOf: string): RegionId | undefined {
  let def = regionById.get(id);
  for (let hops = 0; def && hops < 3; hops++) {
    if (isValidOn(def, asOf)) return def.id;
    if (def.validTo !== undefined && asOf > def.validTo && def.successor) def = regionById.get(def.successor);
    else return undefined;
  }
  return undefined;
}

export interface Place {
  /** The region the host names (may be a region of another date: it is carried forward). */
  region?: RegionId;
  municipalityCode?: string;
  municipalityName?: string;
}

/**
 * The region of a place as of a date. The municipality wins when it is known (it is exact on both
 * sides of 2027); otherwise the named region, carried forward to its successor. A region named
 * before it exists (Østdanmark before 2027) without a municipality is unknown: it could be either.
 */
export function regionOf(place: Place, asOf: string): RegionId | undefined {
  const municipality = municipalityOf(place);
  if (municipality) return asOfDate(municipality.region, asOf);
  return place.region ? asOfDate(place.region, asOf) : undefined;
}

/**
 * The former region whose area the place lies in, once it is inside a merged region (for the
 * emergency numbers, which follow the old areas until the new region says otherwise).
 */
export function areaOf(place: Place, asOf: string): RegionId | undefined {
  const region = regionOf(place, asOf);
  if (!region || !regionById.get(region)?.predecessors) return undefined;
  const municipality = municipalityOf(place);
  if (municipality) return municipality.region;
  return place.region && regionById.get(region)!.predecessors!.includes(place.region) ? place.region : undefined;
}

export interface EmergencyDef extends Validity {
  id: string;
  phone?: string;
  /** Absent: applies everywhere (112) or is the generic entry. */
  region?: RegionId;
  area?: RegionId;
  /** Only shown when the region is unknown (the generic rule). */
  generic?: boolean;
  confidence: Confidence;
  sources: string[];
}

/**
 * R12's entries. 112 everywhere; the psychiatric emergency entry by region. A region without a
 * sourced number gets a "check locally" entry that names no number.
 */
export const emergencyDefs: EmergencyDef[] = [
  { id: '112', phone: '112', confidence: 'V', sources: ['ism-akut-2018'] },
  { id: 'generic', generic: true, confidence: 'V', sources: ['psl-5', 'ism-akut-2018'] },
  // Region Hovedstaden: Akuttelefonen 1813 guides to acute psychiatric help.
  { id: '1813', phone: '1813', region: 'hovedstaden', validTo: '2026-12-31', confidence: 'V', sources: ['rh-akut'] },
  // Region Sjælland: 1818 is the one phone entry to lægevagt, skadestue and psykiatrisk akutmodtagelse.
  { id: '1818', phone: '1818', region: 'sjaelland', validFrom: '2022-10-01', validTo: '2026-12-31', confidence: 'V-', sources: ['rs-1818'] },
  // Region Østdanmark: the numbers of the former regions' areas until the new region changes them.
  { id: '1813-oestdanmark', phone: '1813', region: 'oestdanmark', area: 'hovedstaden', validFrom: MERGER_DATE, confidence: 'V-', sources: ['rh-akut', 'lov-699-2025'] },
  { id: '1818-oestdanmark', phone: '1818', region: 'oestdanmark', area: 'sjaelland', validFrom: MERGER_DATE, confidence: 'V-', sources: ['rs-1818', 'lov-699-2025'] },
  // Region Syddanmark: the psychiatric emergency departments in Odense, Vejle, Aabenraa and Esbjerg
  // take anyone without referral (no single phone number found).
  { id: 'syddanmark', region: 'syddanmark', confidence: 'V-', sources: ['rsd-akutmodtagelser'] },
  // Region Midtjylland: psychiatric reception is referred by the GP or the out-of-hours doctor.
  { id: 'midtjylland', region: 'midtjylland', confidence: 'V-', sources: ['rm-visiteret-modtagelse'] },
  // Region Nordjylland: not sourced — check locally.
  { id: 'nordjylland', region: 'nordjylland', confidence: 'S', sources: [] },
];

/**
 * The emergency entries for a region (and area) as of a date: 112 always; then the region's own
 * entries, or the generic one when the region is unknown. Never another region's number.
 */
export function emergencyEntriesFor(region: RegionId | undefined, asOf: string, area?: RegionId): EmergencyEntry[] {
  const entries: EmergencyEntry[] = [];
  for (const def of emergencyDefs) {
    if (!isValidOn(def, asOf)) continue;
    const fits = def.generic
      ? region === undefined
      : def.region === undefined || (def.region === region && (area === undefined || def.area === undefined || def.area === area));
    if (!fits) continue;
    const entry: EmergencyEntry = { id: def.id, confidence: def.confidence, sources: def.sources.slice() };
    if (def.phone) entry.phone = def.phone;
    if (def.region) entry.region = def.region;
    if (def.area) entry.area = def.area;
    entries.push(entry);
  }
  return entries;
}

export const regions = { regionDefs, municipalities, emergencyDefs, mergerDate: MERGER_DATE };
