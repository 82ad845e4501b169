/**
 * The referral rules as data (../shared/spec/referral-rules.md). A legal reviewer can read and change
 * this file without touching the UI: each rule has its id, when it applies (in the fact vocabulary of
 * conditions.ts), the services it adds to the plan, the legal basis, the deadline, the confidence tag
 * and the ids of its sources. plan.ts turns fired rules into tracks; nothing else decides a referral.
 */
import type { Condition } from './conditions.ts';
import type { Validity } from './dated.ts';
import type { Authority, ClockStart, Confidence, FlagId, RuleId, ServiceId } from './types.ts';

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
  /** Overrides the rule's clock start for this track. */
  clockStart?: ClockStart;
  /** `at-discharge`: planned now, starts at discharge; the track gets no running clock. */
  starts?: 'at-discharge';
  /** A variant of the service's texts (rules.json `service.<id>.variants.<variant>`). */
  variant?: string;
}

/** A source that supports a rule or flag only for a while (e.g. until an agreement ends). */
export interface DatedSource extends Validity {
  id: SourceId;
}

export interface RuleDef extends Validity {
  id: RuleId;
  /** What the rule says, in English, for the reviewer. The UI's words are in locales/. */
  summary: string;
  when: Condition;
  /** As in the spec's table; each track's own authority comes from its service. */
  authority: Authority;
  tracks: TrackEntry[];
  legalBasis: string[];
  deadlineDays?: number;
  /** The event the deadline clock starts at (referral-rules.md section 6). */
  clockStart?: ClockStart;
  confidence: Confidence;
  /** Sources for the whole validity of the rule. */
  sources: SourceId[];
  /** Sources that apply only for part of it. */
  sourcesDated?: DatedSource[];
  /**
   * What a reviewer should check; shown to the user as "check locally" (texts: rules.json
   * `reviewNote.<ruleId>`, in plain words).
   */
  reviewNote?: string;
}

export interface FlagDef extends Validity {
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
  sourcesDated?: DatedSource[];
  /** What a reviewer should check (texts: rules.json `reviewNote.<flagId>`). */
  reviewNote?: string;
}

export interface ServiceDef extends Validity {
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
  'lov-699-2025',
  'ft-l214-2024',
  'sul-57-60',
  'rs-1818',
  'regionsloven',
  'psl-5',
  'ism-akut-2018',
  'rsd-akutmodtagelser',
  'rm-visiteret-modtagelse',
  'stpk-behandling',
  'ast-klage',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface SourceDef extends Validity {
  id: SourceId;
  title: string;
  /** Public address; seeds are the municipal documents shipped with the project. */
  url?: string;
}

const NO_REFUSAL_LETTER = 'Sundheds- og Ældreministeriets brev af 03-06-2016';

/** The day the merger of Region Hovedstaden and Region Sjælland takes effect (LOV 699/2025 § 126). */
const MERGER = '2027-01-01';
const BEFORE_MERGER = '2026-12-31';

export const services: ServiceDef[] = [
  { id: 'emergency', authority: 'emergency', domain: 'emergency' },
  { id: 'youth-services', authority: 'none', domain: 'youth' },
  { id: 'municipal-substance-treatment', authority: 'kommune', domain: 'substance' },
  { id: 'regional-psychiatry', authority: 'region', domain: 'psychiatry' },
  { id: 'integrated-dual-diagnosis', authority: 'region', domain: 'integrated', validFrom: '2024-09-01' },
  { id: 'psychiatric-inpatient', authority: 'region', domain: 'psychiatry' },
  { id: 'regional-trauma-treatment', authority: 'region', domain: 'trauma' },
  { id: 'refugee-trauma-clinic', authority: 'region', domain: 'trauma' },
  // General practice is the region's (SUL §§ 57, 60), not the kommune's.
  { id: 'gp', authority: 'region', domain: 'primary-care' },
  { id: 'homelessness-support', authority: 'kommune', domain: 'social' },
];

/** The legal basis of the substance track while the citizen is admitted: it starts at discharge. */
const AT_DISCHARGE = ' (fra udskrivningen, jf. L 126 2023-24)';

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
    sources: ['seed-002', 'sst-visitation-2023'],
    // The regions act (L 214 2024-25) ends the health agreements in their current form: from 2027
    // the ministry's letter (through seed 002) and SST 2023 are the primary sources.
    sourcesDated: [
      { id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER },
      { id: 'ft-l214-2024', validFrom: MERGER },
    ],
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
    sources: ['seed-002', 'sst-visitation-2023'],
    sourcesDated: [
      { id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER },
      { id: 'ft-l214-2024', validFrom: MERGER },
    ],
  },
  {
    id: 'R1',
    summary:
      'Problematic drug use: municipal substance treatment, start within 14 days of the citizen’s request. During a psychiatric admission it is planned now and starts at discharge, with no running clock (L 126 2023-24).',
    when: 'drugs',
    authority: 'kommune',
    tracks: [
      { service: 'municipal-substance-treatment', when: { not: 'admitted' } },
      {
        service: 'municipal-substance-treatment',
        when: 'admitted',
        starts: 'at-discharge',
        legalBasis: ['SEL § 101', `SUL § 142${AT_DISCHARGE}`],
      },
    ],
    legalBasis: ['SEL § 101', 'SUL § 142'],
    deadlineDays: 14,
    clockStart: 'request',
    confidence: 'V',
    sources: ['sbst-101', 'ft-l7-2019', 'ft-l126-2023'],
  },
  {
    id: 'R2',
    summary:
      'Alcohol problem: municipal alcohol treatment, free, anonymous if wished, start within 14 days of the request. During a psychiatric admission: planned now, starts at discharge.',
    when: 'alcohol',
    authority: 'kommune',
    tracks: [
      { service: 'municipal-substance-treatment', when: { not: 'admitted' } },
      { service: 'municipal-substance-treatment', when: 'admitted', starts: 'at-discharge', legalBasis: [`SUL § 141${AT_DISCHARGE}`] },
    ],
    legalBasis: ['SUL § 141'],
    deadlineDays: 14,
    clockStart: 'request',
    confidence: 'V',
    sources: ['sul-141', 'ft-l126-2023'],
  },
  {
    id: 'R3',
    summary: 'Outpatient treatment is not enough: residential treatment (døgnbehandling), same deadline as R1.',
    when: { all: ['substance', 'outpatient-insufficient'] },
    authority: 'kommune',
    tracks: [
      { service: 'municipal-substance-treatment', when: { not: 'admitted' } },
      { service: 'municipal-substance-treatment', when: 'admitted', starts: 'at-discharge' },
    ],
    legalBasis: ['SEL § 101', 'Ankestyrelsens principmeddelelse 2018'],
    deadlineDays: 14,
    clockStart: 'request',
    confidence: 'V',
    sources: ['ast-2018'],
  },
  {
    id: 'R4',
    summary:
      'Suspected or known mental illness that needs treatment: regional psychiatry, assessment within 30 days of the region’s receipt of the referral if professionally possible, otherwise a plan (via the GP or the substance unit’s doctor).',
    when: { all: ['mental-treatment', { not: 'admitted' }] },
    authority: 'region',
    tracks: [{ service: 'regional-psychiatry' }],
    legalBasis: ['SUL § 82 b', 'SUL § 87'],
    deadlineDays: 30,
    clockStart: 'referral-received',
    confidence: 'V-',
    sources: ['sum-udredningsret', 'rn-udredningsret'],
    reviewNote: 'The right is verified; the § numbers are inferred from secondary sources. 30 days if professionally possible, otherwise a plan.',
  },
  {
    id: 'R5',
    summary:
      'Mild mental health problems only: the GP, who is the region’s (SUL §§ 57, 60). The psychologist inside municipal substance treatment only for citizens with substance use. Not a dual diagnosis.',
    when: { all: ['mental-mild', { not: 'serious' }] },
    authority: 'region',
    tracks: [
      { service: 'gp', when: { not: 'substance' } },
      { service: 'gp', when: 'substance', variant: 'with-substance' },
    ],
    legalBasis: ['SUL § 57', 'SUL § 60'],
    confidence: 'V-',
    sources: ['sul-57-60', 'seed-002'],
    reviewNote: 'The GP route is law; whether the kommune’s substance treatment has a psychologist, and its open counselling, are local: check locally.',
  },
  {
    id: 'R6',
    summary:
      'Treatment-requiring mental illness (suspected is enough, trauma included) and substance use: refer for visitation to the region’s integrated offer (through the GP or the substance unit’s doctor). The target group is set by the visitation guideline and phased in until 2027; treatment within 14 days of acceptance after visitation; free medicine covers the medicines for the substance problem.',
    when: 'dual',
    authority: 'region',
    tracks: [{ service: 'integrated-dual-diagnosis' }],
    legalBasis: ['SUL § 82 c'],
    deadlineDays: 14,
    clockStart: 'visitation-accepted',
    validFrom: '2024-09-01',
    confidence: 'V-',
    sources: ['ft-l126-2023', 'regioner-integreret', 'sst-visitation-2023'],
    reviewNote:
      'In force from 2024-09-01 and phased in by target group until 2027 (open question 1): whether the citizen’s group is taken in yet is checked locally. The 14 days run from acceptance after visitation.',
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
      {
        service: 'regional-psychiatry',
        when: { not: 'admitted' },
        legalBasis: ['SUL § 82 b'],
        deadlineDays: 30,
        clockStart: 'referral-received',
      },
      { service: 'psychiatric-inpatient', when: 'admitted', legalBasis: [] },
    ],
    legalBasis: [],
    confidence: 'V',
    sources: ['ft-l126-2023'],
    sourcesDated: [{ id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER }],
  },
  {
    id: 'R8',
    summary:
      'Admitted to a psychiatric ward: the region is responsible during the stay, and psychiatric follow-up after discharge stays with the region. SUL §§ 141/142 do not cover admitted patients (L 126 2023-24): the substance track is planned now and starts at discharge, with no running 14-day clock; at discharge, with the citizen’s consent, the ward contacts substance treatment. A discharge agreement or coordination plan (PSL § 13 a) may apply: it covers only some patients.',
    when: 'admitted',
    authority: 'region',
    tracks: [
      { service: 'psychiatric-inpatient' },
      { service: 'municipal-substance-treatment', when: 'substance', starts: 'at-discharge', legalBasis: [] },
    ],
    legalBasis: ['PSL § 13 a', 'SUL §§ 141–142 (L 126 2023-24)'],
    confidence: 'V-',
    sources: ['ft-l164-2018', 'ft-l126-2023'],
    sourcesDated: [{ id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER }],
    reviewNote: 'PSL § 13 a (discharge agreement / coordination plan) covers only some patients: the ward decides whether it applies.',
  },
  {
    id: 'R9',
    summary:
      'Suspected or diagnosed PTSD from events in Denmark: regional psychiatry’s PTSD care package, via the GP; assessment within 30 days of the region’s receipt of the referral.',
    when: 'trauma-denmark',
    authority: 'region',
    tracks: [{ service: 'regional-trauma-treatment' }],
    legalBasis: ['SUL § 82 b', 'Pakkeforløb for PTSD'],
    deadlineDays: 30,
    clockStart: 'referral-received',
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
      {
        service: 'regional-psychiatry',
        when: { not: 'admitted' },
        legalBasis: ['SUL § 82 b'],
        deadlineDays: 30,
        clockStart: 'referral-received',
      },
      { service: 'refugee-trauma-clinic', step: 'after', legalBasis: [] },
    ],
    legalBasis: [],
    confidence: 'V',
    sources: ['rs-att', 'dignity-henvisning'],
  },
  {
    id: 'R12',
    summary:
      'Acute danger: 112 if life is at risk, everywhere; the psychiatric emergency entry of the citizen’s region (1813 Region Hovedstaden, 1818 Region Sjælland; the others checked locally; none named without a region). Compulsory admission: only a doctor decides (PSL § 5), the police assist; never the caseworker.',
    when: 'acute',
    authority: 'emergency',
    tracks: [{ service: 'emergency', step: 'emergency' }],
    legalBasis: ['PSL § 5', 'Regionernes akutberedskab (sundhedsloven)'],
    confidence: 'V',
    sources: ['psl-5', 'ism-akut-2018', 'rh-akut', 'rs-1818'],
    reviewNote: 'The psychiatric emergency entry differs by region: Region Sjælland’s 1818 is from regional press; the other regions’ entries are checked locally.',
  },
  {
    id: 'R13',
    summary:
      'Homeless or in a shelter: municipal shelter and housing support (SEL § 110; action plan mandatory since 2023-10-01; Housing First support SEL § 85 a). At risk of losing the home: advice on keeping it (contact the kommune now; housing support), not the shelter step.',
    when: 'housing-need',
    authority: 'kommune',
    tracks: [
      { service: 'homelessness-support', when: { not: 'housing-at-risk' } },
      { service: 'homelessness-support', when: 'housing-at-risk', variant: 'at-risk', legalBasis: ['SEL § 85 a'] },
    ],
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
    summary: 'Stop: 112 if life is at risk; the psychiatric emergency entry of the region now. Compulsory admission: only a doctor decides.',
    when: 'acute',
    confidence: 'V',
    sources: ['psl-5', 'rh-akut', 'rs-1818'],
  },
  {
    id: 'F-norefusal',
    severity: 'warning',
    summary: 'NR-K and NR-R, quoted.',
    when: { any: ['dual', 'refusal-any'] },
    confidence: 'V',
    sources: ['seed-002', 'sst-visitation-2023'],
    sourcesDated: [
      { id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER },
      { id: 'ft-l214-2024', validFrom: MERGER },
    ],
  },
  {
    id: 'F-escalate-kommune',
    severity: 'warning',
    summary:
      'The citizen complains (or someone with a power of attorney); the caseworker helps. Written decision with reasons; for SEL § 101 decisions: complaint to the kommune within 4 weeks, which reconsiders and sends it to Ankestyrelsen. For SUL §§ 141/142 decisions the complaint body is open question 5: check locally.',
    when: 'refusal-kommune',
    confidence: 'V-',
    sources: ['dinretshjaelp-klage', 'ast-klage', 'sbst-101'],
  },
  {
    id: 'F-escalate-region',
    severity: 'warning',
    summary:
      'The citizen complains (the caseworker helps): ask for the reason; re-referral citing NR-R and No Wrong Door; ask for the integrated offer; the region’s patient office helps; Styrelsen for Patientklager: rights complaints within 4 weeks of the decision, treatment complaints within 2 years; digital with MitID, on paper with an exemption; Ombudsmand only after.',
    when: { any: ['refusal-psychiatry', 'refusal-trauma-clinic'] },
    confidence: 'V',
    sources: ['stpk-klage', 'stpk-behandling'],
  },
  {
    id: 'F-children',
    severity: 'warning',
    summary: 'Stricter duty to report (barnets lov § 133) and family-oriented treatment.',
    when: 'children',
    validFrom: '2024-01-01',
    confidence: 'V-',
    sources: ['seed-000'],
  },
  {
    id: 'F-coordination',
    severity: 'info',
    summary: 'Propose a koordinerende indsatsplan and a named coordinator.',
    when: { any: ['dual', 'admitted', 'contact-both'] },
    confidence: 'V',
    sources: ['sst-indsatsplan-2014', 'seed-004'],
    sourcesDated: [{ id: 'rh-samarbejdsaftale', validTo: BEFORE_MERGER }],
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
    summary:
      'Send letters on paper, meet in person, do not rely on the citizen calling; a complaint to Styrelsen for Patientklager can be filed on paper with an exemption from the digital form.',
    when: 'no-digital',
    confidence: 'S',
    sources: ['seed-001', 'seed-004', 'stpk-behandling'],
  },
  {
    id: 'F-deadlines',
    severity: 'info',
    summary:
      'Each clock with its start event (request: 14 days; region’s receipt of the referral: 30 days; acceptance after visitation: 14 days) and, when the start date is known, its due date; overdue when past.',
    when: { any: ['request-date', 'referral-sent-date'] },
    needsDeadline: true,
    confidence: 'V',
    sources: ['sbst-101', 'sum-udredningsret', 'ft-l126-2023'],
  },
  {
    id: 'F-region-2027',
    severity: 'small-print',
    summary:
      'Region Hovedstaden and Region Sjælland become Region Østdanmark on 2027-01-01 (LOV 699/2025 § 126); from that day it is a fact, not a forecast. Contact details come from local configuration.',
    confidence: 'V',
    sources: ['lov-699-2025'],
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
    validTo: BEFORE_MERGER,
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
    title: 'Lovforslag L 126 2023-24, integreret behandling (SUL § 82 c; SUL §§ 141/142 dækker ikke indlagte)',
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
  {
    id: 'rh-akut',
    title: 'Region Hovedstaden: Fakta om Akuttelefonen 1813 (også vej til akut psykiatrisk hjælp)',
    url: 'https://www.regionh.dk/presse-og-nyt/pressemeddelelser-og-nyheder/Sider/Fakta-om-1813.aspx',
  },
  {
    id: 'sbst-hjemloeshed',
    title: 'Social- og Boligstyrelsen: omstilling af hjemløshedsområdet',
    url: 'https://www.sbst.dk/voksne/hjemloeshed/omstilling-af-hjemloeshedsomraadet',
  },
  { id: 'ft-l64-2022', title: 'Lovforslag L 64 2022-23 (SEL § 110, § 85 a)', url: 'https://ft.dk/samling/20222/lovforslag/l64/20222_l64_som_fremsat.htm' },
  {
    id: 'stpk-klage',
    title: 'Styrelsen for Patientklager: klag over brud på patientrettigheder (4 uger; papirskema ved fritagelse)',
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
    title: 'Lovforslag L 42 2025-26 (sundhedsreform) — not the source of the 2027 merger; kept for older notes',
    url: 'https://www.ft.dk/samling/20251/lovforslag/l42/20251_l42_som_fremsat.htm',
  },
  {
    id: 'lov-699-2025',
    title: 'Overgangsloven, LOV nr. 699 af 20/06/2025, § 126: Region Østdanmark overtager Region Sjælland og Region Hovedstaden 1. januar 2027',
    url: 'https://www.elov.dk/lov-om-overgangen-til-en-ny-sundhedsstruktur-overgangsloven/paragraf/126',
  },
  {
    id: 'ft-l214-2024',
    title: 'Lovforslag L 214 2024-25, regionsloven (sundhedsråd; sundhedsaftalerne i deres nuværende form ophører)',
    url: 'https://www.ft.dk/samling/20241/lovforslag/l214/',
  },
  { id: 'sul-57-60', title: 'Sundhedsloven §§ 57 og 60: regionerne sørger for almen lægehjælp', url: 'https://danskelove.dk/sundhedsloven/57' },
  {
    id: 'rs-1818',
    title: 'Region Sjælland: 1818 som fælles indgang til lægevagt, skadestue og psykiatrisk akutmodtagelse fra 1. oktober 2022 (regional presse)',
    url: 'https://www.bt.dk/samfund/nyt-akuttelefonnummer-over-800000-skal-nu-benytte-det',
  },
  {
    id: 'regionsloven',
    title: 'Regionsloven § 1: de fem regioner fra 2007',
    url: 'https://www.global-regulation.com/translation/denmark/613088/announcement-of-law-on-regions-and-of-the-decommissioning-of-the-county-municipalities%252c-the-capitals-development-and-the-capitals-hospital-community.html',
  },
  { id: 'psl-5', title: 'Psykiatriloven § 5 (lægens beslutning; politiets bistand)', url: 'https://danskelove.dk/psykiatriloven/5' },
  {
    id: 'ism-akut-2018',
    title: 'Sundheds- og Ældreministeriet: Klare mål for akuthjælpen (regionernes ansvar for akutberedskabet), 2018',
    url: 'https://www.ism.dk/publikationer-sundhed/2018/marts/klare-maal-for-akuthjaelpen',
  },
  {
    id: 'rsd-akutmodtagelser',
    title: 'Region Syddanmark: de psykiatriske akutmodtagelser i Odense, Vejle, Aabenraa og Esbjerg tager imod uden henvisning (TV 2 Fyn, 2022)',
    url: 'https://www.tv2fyn.dk/fyn/hotline-skal-give-krisehjaelp-til-ukrainere-paa-fyn',
  },
  {
    id: 'rm-visiteret-modtagelse',
    title: 'Psykiatrien i Region Midtjylland: psykiatrisk modtagelse er visiteret (egen læge eller vagtlæge henviser)',
    url: 'https://www.psykiatrien.rm.dk/afdelinger/regionspsykiatrien-horsens/i-behandling/psykiatrisk-modtagelse/',
  },
  {
    id: 'stpk-behandling',
    title: 'Styrelsen for Patientklager: klag over en behandling (digitalt klageskema med MitID; fritagelse; frister)',
    url: 'https://stpk.dk/borgere/klag-over-en-behandling/',
  },
  {
    id: 'ast-klage',
    title: 'Ankestyrelsen: klage over kommunens afgørelse efter serviceloven (genvurdering i kommunen, 4 uger)',
  },
];

/**
 * referral-rules.md section 5: shown as "check locally" on the steps and warnings they concern,
 * never hidden (texts: rules.json `openQuestion.<id>`).
 */
export const openQuestions: ReadonlyArray<{ id: string; rules?: readonly string[]; flags?: readonly string[] } & Validity> = [
  { id: '1', rules: ['R6'] },
  { id: '2', flags: ['F-children'] },
  { id: '3', rules: ['R10', 'R11'], flags: ['F-escalate-region'] },
  { id: '4', flags: ['F-region-2027'] },
  { id: '5', flags: ['F-escalate-kommune'] },
];

/**
 * Texts that change with the date (OpenFisca-style dated variants): the key `base` is used before
 * the first variant's date, `base@<validFrom>` from it (rules.json holds both).
 */
export const textVariants: Record<string, ReadonlyArray<{ validFrom: string }>> = {
  'flag.F-region-2027': [{ validFrom: MERGER }],
};

export const rules = {
  rulesValidAsOf,
  rules: referralRules,
  flags,
  services,
  sources,
  openQuestions,
  textVariants,
};
