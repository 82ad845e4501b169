/**
 * The referral rules as data (../shared/spec/referral-rules.md). A legal reviewer can read and change
 * this file without touching the UI: each rule has its id, when it applies (in the fact vocabulary of
 * conditions.ts), the services it adds to the plan, the legal basis, the deadline, the confidence tag
 * and the ids of its sources. plan.ts turns fired rules into tracks; nothing else decides a referral.
 */
import type { Condition } from './conditions.ts';
import type { Authority, Confidence, FlagId, RuleId, ServiceId } from './types.ts';

import { rulesValidAsOf } from './rules-date.ts';

export { rulesValidAsOf };

/**
 * When a track starts: `emergency` before everything, `first` together with the other treatment
 * tracks (in parallel — no treatment waits for another), `after` once the first step is under way.
 */
export const STEPS = ['emergency', 'first', 'after'] as const;
export type Step = (typeof STEPS)[number];

export interface TrackEntry {
  service: ServiceId;
  /** Extra condition for this service, on top of the rule's own. */
  when?: Condition;
  /** Default `first`. A track takes the latest step any of its rules asks for. */
  step?: Step;
  /** Overrides the rule's legal basis for this track ([] = the track's other rules carry it). */
  legalBasis?: string[];
  /** Overrides the rule's deadline for this track. */
  deadlineDays?: number;
}

export interface RuleDef {
  id: RuleId;
  /** What the rule says, in English, for the reviewer. The UI's words are in locales/. */
  summary: string;
  when: Condition;
  /** As in the spec's table; each track's own authority comes from its service. */
  authority: Authority;
  tracks: TrackEntry[];
  legalBasis: string[];
  deadlineDays?: number;
  confidence: Confidence;
  sources: SourceId[];
  /** What a reviewer should check; shown to the user as "check locally". */
  reviewNote?: string;
}

export interface FlagDef {
  id: FlagId;
  summary: string;
  /** Absent: always on the plan. */
  when?: Condition;
  /** Only when some track has a deadline clock (F-deadlines). */
  needsDeadline?: boolean;
  /** How it is shown: stop now, a warning to act on, information, or small print. */
  severity: 'danger' | 'warning' | 'info' | 'small-print';
  confidence: Confidence;
  sources: SourceId[];
}

export interface ServiceDef {
  id: ServiceId;
  authority: Authority;
  /** What kind of help it is; the invariants (e.g. "no trauma service with the kommune") read this. */
  domain: 'emergency' | 'youth' | 'substance' | 'psychiatry' | 'integrated' | 'trauma' | 'primary-care' | 'social';
}

export const SOURCE_IDS = [
  'seed-002',
  'seed-000',
  'seed-001',
  'seed-004',
  'rh-samarbejdsaftale',
  'sbst-101',
  'ft-l7-2019',
  'sul-141',
  'ast-2018',
  'sum-udredningsret',
  'rn-udredningsret',
  'ft-l126-2023',
  'regioner-integreret',
  'sst-visitation-2023',
  'ft-l164-2018',
  'dkptsd-pakkeforloeb',
  'rm-ptsd',
  'rs-att',
  'dignity-henvisning',
  'rh-akut',
  'sbst-hjemloeshed',
  'ft-l64-2022',
  'stpk-klage',
  'dinretshjaelp-klage',
  'gltolk',
  'groenlandskehus',
  'rm-tolk',
  'sst-indsatsplan-2014',
  'ft-l42-2025',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface SourceDef {
  id: SourceId;
  title: string;
  /** Public address; seeds are the municipal documents shipped with the project. */
  url?: string;
}

const NO_REFUSAL_LETTER = 'Sundheds- og Ældreministeriets brev af 03-06-2016';

export const services: ServiceDef[] = [
  { id: 'emergency', authority: 'emergency', domain: 'emergency' },
  { id: 'youth-services', authority: 'none', domain: 'youth' },
  { id: 'municipal-substance-treatment', authority: 'kommune', domain: 'substance' },
  { id: 'regional-psychiatry', authority: 'region', domain: 'psychiatry' },
  { id: 'integrated-dual-diagnosis', authority: 'region', domain: 'integrated' },
  { id: 'psychiatric-inpatient', authority: 'region', domain: 'psychiatry' },
  { id: 'regional-trauma-treatment', authority: 'region', domain: 'trauma' },
  { id: 'refugee-trauma-clinic', authority: 'region', domain: 'trauma' },
  { id: 'gp', authority: 'kommune', domain: 'primary-care' },
  { id: 'homelessness-support', authority: 'kommune', domain: 'social' },
];

export const referralRules: RuleDef[] = [
  {
    id: 'NR-K',
    summary:
      'The kommune may not refuse to assess or provide substance treatment because the citizen has a mental illness.',
    when: { any: ['dual', 'refusal-kommune', { all: ['substance', 'mental-mild'] }] },
    authority: 'kommune',
    tracks: [],
    legalBasis: [NO_REFUSAL_LETTER],
    confidence: 'V',
    sources: ['seed-002', 'rh-samarbejdsaftale'],
  },
  {
    id: 'NR-R',
    summary:
      'Regional psychiatry may not refuse to assess or treat a treatment-requiring mental illness because the citizen uses substances.',
    when: { any: ['dual', 'refusal-psychiatry', 'refusal-trauma-clinic'] },
    authority: 'region',
    tracks: [],
    legalBasis: [NO_REFUSAL_LETTER],
    confidence: 'V',
    sources: ['seed-002', 'rh-samarbejdsaftale', 'sst-visitation-2023'],
  },
  {
    id: 'R1',
    summary: 'Problematic drug use: municipal substance treatment, start within 14 days of the request.',
    when: 'drugs',
    authority: 'kommune',
    tracks: [{ service: 'municipal-substance-treatment' }],
    legalBasis: ['SEL § 101', 'SUL § 142'],
    deadlineDays: 14,
    confidence: 'V',
    sources: ['sbst-101', 'ft-l7-2019'],
  },
  {
    id: 'R2',
    summary: 'Alcohol problem: municipal alcohol treatment, free, anonymous if wished, start within 14 days.',
    when: 'alcohol',
    authority: 'kommune',
    tracks: [{ service: 'municipal-substance-treatment' }],
    legalBasis: ['SUL § 141'],
    deadlineDays: 14,
    confidence: 'V',
    sources: ['sul-141'],
  },
  {
    id: 'R3',
    summary: 'Outpatient treatment is not enough: residential treatment (døgnbehandling), same deadline as R1.',
    when: { all: ['substance', 'outpatient-insufficient'] },
    authority: 'kommune',
    tracks: [{ service: 'municipal-substance-treatment' }],
    legalBasis: ['SEL § 101', 'Ankestyrelsens principmeddelelse 2018'],
    deadlineDays: 14,
    confidence: 'V',
    sources: ['ast-2018'],
  },
  {
    id: 'R4',
    summary:
      'Suspected or known mental illness that needs treatment: regional psychiatry, assessment within 30 days of referral (via the GP or the substance unit’s doctor).',
    when: { all: ['mental-treatment', { not: 'admitted' }] },
    authority: 'region',
    tracks: [{ service: 'regional-psychiatry' }],
    legalBasis: ['SUL § 82 b', 'SUL § 87'],
    deadlineDays: 30,
    confidence: 'V-',
    sources: ['sum-udredningsret', 'rn-udredningsret'],
    reviewNote: 'The right is verified; the § numbers are inferred from secondary sources.',
  },
  {
    id: 'R5',
    summary:
      'Mild mental health problems only: the GP (and the psychologist inside substance treatment where the kommune has one). Not a dual diagnosis.',
    when: { all: ['mental-mild', { not: 'serious' }] },
    authority: 'kommune',
    tracks: [{ service: 'gp' }],
    legalBasis: ['Sundhedsloven: lægehjælp hos egen læge'],
    confidence: 'S',
    sources: ['seed-002'],
    reviewNote: 'The spec gives no § for this route; the seed describes it. Check locally.',
  },
  {
    id: 'R6',
    summary:
      'Treatment-requiring mental illness (suspected is enough, trauma included) and substance use: the region’s integrated dual-diagnosis offer, treatment within 14 days of the referral, medicines free.',
    when: 'dual',
    authority: 'region',
    tracks: [{ service: 'integrated-dual-diagnosis' }],
    legalBasis: ['SUL § 82 c'],
    deadlineDays: 14,
    confidence: 'V',
    sources: ['ft-l126-2023', 'regioner-integreret', 'sst-visitation-2023'],
    reviewNote: 'In force from 2024-09-01, phased in until 2027 by target group: check the local phase-in.',
  },
  {
    id: 'R7',
    summary:
      'Until the region has taken the citizen into integrated treatment, municipal substance treatment and regional psychiatry run in parallel with a coordination plan: both clocks run at once.',
    when: 'dual',
    authority: 'both',
    tracks: [
      { service: 'municipal-substance-treatment', legalBasis: [] },
      // The spec's R7 row: regional psychiatry in parallel for every dual diagnosis, trauma included;
      // during an admission the ward is that regional side.
      { service: 'regional-psychiatry', when: { not: 'admitted' }, legalBasis: ['SUL § 82 b'], deadlineDays: 30 },
      { service: 'psychiatric-inpatient', when: 'admitted', legalBasis: [] },
    ],
    legalBasis: [],
    confidence: 'V',
    sources: ['rh-samarbejdsaftale', 'ft-l126-2023'],
  },
  {
    id: 'R8',
    summary:
      'Admitted to a psychiatric ward: the region is responsible during the stay; at discharge, with consent, the hospital contacts substance treatment (discharge agreement / coordination plan).',
    when: 'admitted',
    authority: 'region',
    tracks: [{ service: 'psychiatric-inpatient' }, { service: 'municipal-substance-treatment', when: 'substance' }],
    legalBasis: ['PSL § 13 a'],
    confidence: 'V-',
    sources: ['ft-l164-2018', 'rh-samarbejdsaftale'],
  },
  {
    id: 'R9',
    summary: 'Suspected or diagnosed PTSD from events in Denmark: regional psychiatry’s PTSD care package, via the GP.',
    when: 'trauma-denmark',
    authority: 'region',
    tracks: [{ service: 'regional-trauma-treatment' }],
    legalBasis: ['SUL § 82 b', 'Pakkeforløb for PTSD'],
    deadlineDays: 30,
    confidence: 'V',
    sources: ['seed-002', 'dkptsd-pakkeforloeb', 'rm-ptsd', 'sum-udredningsret'],
  },
  {
    id: 'R10',
    summary: 'Trauma from war, torture or organised violence abroad: the regional clinic for traumatised refugees, via the GP.',
    when: 'trauma-abroad',
    authority: 'region',
    tracks: [{ service: 'refugee-trauma-clinic' }],
    legalBasis: ['Regional opgave: specialiseret behandling af traumatiserede flygtninge'],
    confidence: 'V',
    sources: ['seed-000', 'rs-att', 'dignity-henvisning'],
  },
  {
    id: 'R11',
    summary:
      'Refugee trauma and active substance use: first the integrated offer (or regional psychiatry), then the specialised clinic, whose published criteria exclude untreated substance use; regional psychiatry as a whole stays bound by NR-R, so treatment starts now.',
    when: { all: ['trauma-abroad', 'substance'] },
    authority: 'region',
    tracks: [
      { service: 'integrated-dual-diagnosis', legalBasis: ['SUL § 82 c'] },
      { service: 'regional-psychiatry', when: { not: 'admitted' }, legalBasis: ['SUL § 82 b'], deadlineDays: 30 },
      { service: 'refugee-trauma-clinic', step: 'after', legalBasis: [] },
    ],
    legalBasis: [],
    confidence: 'V',
    sources: ['rs-att', 'dignity-henvisning'],
    reviewNote: 'Open question 3: whether the specialised clinics themselves are bound by NR-R.',
  },
  {
    id: 'R12',
    summary:
      'Acute danger: 112 if life is at risk; psykiatrisk akutmodtagelse (open to anyone, no referral); 1813 in Region Hovedstaden. Compulsory admission only by a doctor and the police.',
    when: 'acute',
    authority: 'emergency',
    tracks: [{ service: 'emergency', step: 'emergency' }],
    legalBasis: ['112 / psykiatrisk akutmodtagelse', 'PSL § 5'],
    confidence: 'V',
    sources: ['rh-akut'],
  },
  {
    id: 'R13',
    summary:
      'Homeless, in a shelter or at risk of losing the home: municipal shelter and housing support (action plan mandatory since 2023-10-01; Housing First support).',
    when: 'housing-need',
    authority: 'kommune',
    tracks: [{ service: 'homelessness-support' }],
    legalBasis: ['SEL § 110', 'SEL § 85 a'],
    confidence: 'V',
    sources: ['sbst-hjemloeshed', 'ft-l64-2022', 'seed-001'],
  },
  {
    id: 'R14',
    summary: 'Under 18: out of scope — youth services (barnets lov, child and adolescent psychiatry).',
    when: 'under-18',
    authority: 'none',
    tracks: [{ service: 'youth-services' }],
    legalBasis: ['Barnets lov'],
    confidence: 'V',
    sources: [],
  },
];

export const flags: FlagDef[] = [
  {
    id: 'F-acute',
    severity: 'danger',
    summary: 'Stop: call 112 / psykiatrisk akutmodtagelse now.',
    when: 'acute',
    confidence: 'V',
    sources: ['rh-akut'],
  },
  {
    id: 'F-norefusal',
    severity: 'warning',
    summary: 'NR-K and NR-R, quoted.',
    when: { any: ['dual', 'refusal-any'] },
    confidence: 'V',
    sources: ['seed-002', 'rh-samarbejdsaftale', 'sst-visitation-2023'],
  },
  {
    id: 'F-escalate-kommune',
    severity: 'warning',
    summary: 'Written decision; complaint to the kommune within 4 weeks, then Ankestyrelsen.',
    when: 'refusal-kommune',
    confidence: 'V',
    sources: ['dinretshjaelp-klage'],
  },
  {
    id: 'F-escalate-region',
    severity: 'warning',
    summary: 'Reason; re-referral citing NR-R and No Wrong Door; integrated offer; patient office; Styrelsen for Patientklager.',
    when: { any: ['refusal-psychiatry', 'refusal-trauma-clinic'] },
    confidence: 'V',
    sources: ['stpk-klage'],
  },
  {
    id: 'F-children',
    severity: 'warning',
    summary: 'Stricter duty to report (barnets lov § 133) and family-oriented treatment.',
    when: 'children',
    confidence: 'V-',
    sources: ['seed-000'],
  },
  {
    id: 'F-coordination',
    severity: 'info',
    summary: 'Propose a koordinerende indsatsplan and a named coordinator.',
    when: { any: ['dual', 'admitted', 'contact-both'] },
    confidence: 'V',
    sources: ['sst-indsatsplan-2014', 'rh-samarbejdsaftale', 'seed-004'],
  },
  {
    id: 'F-greenlandic',
    severity: 'info',
    summary: 'Greenlandic interpreter, free in the health service; De Grønlandske Huse.',
    when: 'greenlandic',
    confidence: 'V',
    sources: ['gltolk', 'groenlandskehus', 'seed-002'],
  },
  {
    id: 'F-interpreter',
    severity: 'info',
    summary: 'Interpreter; free in the health service in the first 3 years of residence.',
    when: 'other-language',
    confidence: 'V',
    sources: ['rm-tolk'],
  },
  {
    id: 'F-outreach',
    severity: 'info',
    summary: 'A missed appointment must not close the case or bring sanctions; seek the citizen out.',
    when: 'missed-appointments',
    confidence: 'P',
    sources: ['seed-004'],
  },
  {
    id: 'F-no-digital',
    severity: 'info',
    summary: 'Send letters on paper, meet in person, do not rely on the citizen calling.',
    when: 'no-digital',
    confidence: 'S',
    sources: ['seed-001', 'seed-004'],
  },
  {
    id: 'F-deadlines',
    severity: 'info',
    summary: 'Each clock’s start and due date.',
    when: 'request-date',
    needsDeadline: true,
    confidence: 'V',
    sources: ['sbst-101', 'sum-udredningsret', 'ft-l126-2023'],
  },
  {
    id: 'F-region-2027',
    severity: 'small-print',
    summary: 'Region Hovedstaden and Region Sjælland become Region Østdanmark from 2027.',
    confidence: 'V-',
    sources: ['ft-l42-2025'],
  },
];

export const sources: SourceDef[] = [
  { id: 'seed-002', title: 'Københavns Kommune, Notat om traumebehandling, 08-05-2023' },
  { id: 'seed-000', title: 'Odense Kommune, MTV om traumatiserede flygtninge: konsekvenser' },
  { id: 'seed-001', title: 'Odense, Rådet for Socialt Udsatte, referat 29-11-2018' },
  { id: 'seed-004', title: 'Københavns Kommune, udsatterådets forslag til en udsatteenhed' },
  {
    id: 'rh-samarbejdsaftale',
    title: 'Region Hovedstaden, samarbejdsaftale om borgere med samtidig psykisk sygdom og misbrug',
    url: 'https://www.psykiatri-regionh.dk/fagfolk/Tvaersektorielt-samarbejde/Samarbejdsaftaler/voksne/saerlige-maalgrupper/Sider/Borgere-med-samtidig-psykisk-sygdom-og-misbrug.aspx',
  },
  {
    id: 'sbst-101',
    title: 'Social- og Boligstyrelsen: ændringer i servicelovens § 101',
    url: 'https://sbst.dk/voksne/stof-og-alkoholmisbrug/lovgivning-om-social-stofmisbrugsbehandling/aendringer-i-servicelovens-%C2%A7-101',
  },
  { id: 'ft-l7-2019', title: 'Lovforslag L 7 2019-20 (SEL § 101)', url: 'https://ft.dk/samling/20191/lovforslag/l7/20191_l7_som_fremsat.htm' },
  { id: 'sul-141', title: 'Sundhedsloven § 141', url: 'https://danskelove.dk/sundhedsloven/141' },
  {
    id: 'ast-2018',
    title: 'Ankestyrelsens principmeddelelse 2018 om døgnbehandling',
    url: 'https://www.ast.dk/for-myndigheder/principmeddelelser/2018/6eec3e1c-2b5e-47ed-8b9c-a71c001dee22',
  },
  { id: 'sum-udredningsret', title: 'Sundhedsministeriet: udredningsret', url: 'https://sum.dk/Sundhed/Psykiatri/Udredningsret.aspx' },
  {
    id: 'rn-udredningsret',
    title: 'Psykiatrien i Region Nordjylland: udrednings- og behandlingsret',
    url: 'https://psykiatri.rn.dk/for-sundhedsfaglige/henvisning-og-visitation/udrednings-og-behandlingsret',
  },
  {
    id: 'ft-l126-2023',
    title: 'Lovforslag L 126 2023-24, integreret behandling (SUL § 82 c)',
    url: 'https://ft.dk/samling/20231/lovforslag/l126/20231_l126_som_fremsat.htm',
  },
  {
    id: 'regioner-integreret',
    title: 'Danske Regioner: integreret behandling',
    url: 'https://www.regioner.dk/sundhed/psykiatri-og-social/integreret-behandling-for-mennesker-med-psykisk-lidelse-og-samtidig-rusmiddelproblematik/',
  },
  {
    id: 'sst-visitation-2023',
    title: 'Sundhedsstyrelsen: visitation til integreret behandling (No Wrong Door), 2023',
    url: 'https://www.sst.dk/da/udgivelser/2023/Visitation-til-integreret-behandling-af-mennesker-med-psykisk-lidelse-og-rusmiddelproblematik',
  },
  {
    id: 'ft-l164-2018',
    title: 'Lovforslag L 164 2018-19 (PSL § 13 a, udskrivningsaftaler)',
    url: 'https://ft.dk/samling/20181/lovforslag/l164/20181_l164_som_fremsat.htm',
  },
  { id: 'dkptsd-pakkeforloeb', title: 'Pakkeforløb for PTSD', url: 'https://www.dkptsd.dk/pakkeforloeb/' },
  {
    id: 'rm-ptsd',
    title: 'Region Midtjylland: undersøgelse for PTSD',
    url: 'https://www.psykiatrien.rm.dk/undersogelse-og-behandling/ptsd-hos-voksne/undersogelse-for-ptsd/',
  },
  {
    id: 'rs-att',
    title: 'Region Syddanmark: traume- og torturoverlevere, henvisning',
    url: 'https://psykiatrienisyddanmark.dk/fagpersoner/henvisning/traume-og-torturoverlevere-henvisning',
  },
  { id: 'dignity-henvisning', title: 'DIGNITY: henvisning', url: 'https://www.dignity.dk/dignitys-arbejde/rehabilitering/henvisning/' },
  { id: 'rh-akut', title: 'Region Hovedstaden: psykiatrisk akutberedskab', url: 'https://www.regionh.dk/' },
  {
    id: 'sbst-hjemloeshed',
    title: 'Social- og Boligstyrelsen: omstilling af hjemløshedsområdet',
    url: 'https://www.sbst.dk/voksne/hjemloeshed/omstilling-af-hjemloeshedsomraadet',
  },
  { id: 'ft-l64-2022', title: 'Lovforslag L 64 2022-23 (SEL § 110, § 85 a)', url: 'https://ft.dk/samling/20222/lovforslag/l64/20222_l64_som_fremsat.htm' },
  {
    id: 'stpk-klage',
    title: 'Styrelsen for Patientklager: klag over brud på patientrettigheder',
    url: 'https://stpk.dk/borgere/klag-over-brud-pa-patientrettigheder/',
  },
  {
    id: 'dinretshjaelp-klage',
    title: 'Klage over kommunale afgørelser',
    url: 'https://www.dinretshjaelp.dk/juridiske-omraader/myndigheder/forvaltningsafgoerelser-klage/',
  },
  { id: 'gltolk', title: 'Grønlandsk tolkning: lovgrundlag', url: 'https://gltolk.dk/ret-til-tolkning-lovgrundlag' },
  { id: 'groenlandskehus', title: 'De Grønlandske Huse', url: 'https://groenlandskehus.dk/om-os/det-groenlandske-hus-i-dag/' },
  {
    id: 'rm-tolk',
    title: 'Region Midtjylland: tolkebistand',
    url: 'https://www.rm.dk/sundhed/behandling/patientkontoret/patientrettigheder/tolkebistand',
  },
  { id: 'sst-indsatsplan-2014', title: 'Sundhedsstyrelsen: vejledning om koordinerende indsatsplaner (2014)' },
  {
    id: 'ft-l42-2025',
    title: 'Lovforslag L 42 2025-26 (sundhedsreform, regioner fra 2027)',
    url: 'https://www.ft.dk/samling/20251/lovforslag/l42/20251_l42_som_fremsat.htm',
  },
];

/** referral-rules.md section 5: shown as "check locally", never hidden. */
export const openQuestions = [
  { id: '1', rules: ['R6', 'R7'] },
  { id: '2', flags: ['F-children'] },
  { id: '3', rules: ['R11', 'NR-R'] },
  { id: '4', flags: ['F-region-2027'] },
  { id: '5', rules: ['R1', 'R2'] },
] as const;

export const rules = {
  rulesValidAsOf,
  rules: referralRules,
  flags,
  services,
  sources,
  openQuestions,
};
