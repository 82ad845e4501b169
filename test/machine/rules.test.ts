/**
 * Table-driven rule tests: at least one row per rule (NR-K, NR-R, R1–R14) and per flag, each driven
 * through the real statechart from an adult with no needs (drive.ts) plus the row's answers.
 */
import { expect } from '@open-wc/testing';
import { FLAG_IDS, RULE_IDS, decide, facts, referralPlanSchema, type Answers, type Details, type FlagId, type ServiceId } from '../../machines/index.ts';
import { drive } from './drive.ts';

interface Row {
  name: string;
  answers: Answers;
  details?: Details;
  rules: string[]; // rule ids the row pins (coverage check below)
  services?: ServiceId[]; // exactly these services, in this order
  include?: Partial<Record<ServiceId, { authority?: string; ruleIds?: string[]; legalBasis?: string[]; deadlineDays?: number | null; order?: number }>>;
  exclude?: ServiceId[];
  flags?: FlagId[]; // must be present
  noFlags?: FlagId[]; // must be absent
  trace?: Partial<Record<string, string[]>>; // question → rule ids its trace entry must name
}

const dual = { substances: ['drugs'], 'mental-health': 'treatment-requiring' } as Answers;

const rows: Row[] = [
  {
    name: 'R1 drugs → municipal substance treatment, 14 days',
    answers: { substances: ['drugs'] },
    rules: ['R1'],
    services: ['municipal-substance-treatment'],
    include: { 'municipal-substance-treatment': { authority: 'kommune', ruleIds: ['R1'], legalBasis: ['SEL § 101', 'SUL § 142'], deadlineDays: 14, order: 0 } },
    noFlags: ['F-norefusal', 'F-coordination'],
  },
  {
    name: 'R2 alcohol → municipal alcohol treatment, 14 days',
    answers: { substances: ['alcohol'] },
    rules: ['R2'],
    services: ['municipal-substance-treatment'],
    include: { 'municipal-substance-treatment': { ruleIds: ['R2'], legalBasis: ['SUL § 141'], deadlineDays: 14 } },
  },
  {
    name: 'R1 + R2 both substances → one municipal track with both rules',
    answers: { substances: ['alcohol', 'drugs'] },
    rules: ['R1', 'R2'],
    services: ['municipal-substance-treatment'],
    include: { 'municipal-substance-treatment': { ruleIds: ['R1', 'R2'], legalBasis: ['SEL § 101', 'SUL § 142', 'SUL § 141'] } },
  },
  {
    name: 'R3 outpatient not enough → residential treatment on the municipal track',
    answers: { substances: ['drugs'] },
    details: { outpatientInsufficient: true },
    rules: ['R3'],
    include: { 'municipal-substance-treatment': { ruleIds: ['R1', 'R3'], deadlineDays: 14 } },
    trace: { 'outpatient-insufficient': ['R3'] },
  },
  {
    name: 'R3 needs substance use: the detail alone adds no track',
    answers: {},
    details: { outpatientInsufficient: true },
    rules: [],
    services: [],
  },
  {
    name: 'R4 treatment-requiring mental illness → regional psychiatry, 30 days',
    answers: { 'mental-health': 'treatment-requiring' },
    rules: ['R4'],
    services: ['regional-psychiatry'],
    include: { 'regional-psychiatry': { authority: 'region', ruleIds: ['R4'], legalBasis: ['SUL § 82 b', 'SUL § 87'], deadlineDays: 30 } },
    noFlags: ['F-norefusal'],
  },
  {
    name: 'R5 mild problems → GP, no regional hand-over',
    answers: { 'mental-health': 'mild' },
    rules: ['R5'],
    services: ['gp'],
    include: { gp: { ruleIds: ['R5'] } },
  },
  {
    name: 'R5 mild problems with alcohol are no dual diagnosis',
    answers: { 'mental-health': 'mild', substances: ['alcohol'] },
    rules: ['R5', 'NR-K'],
    services: ['municipal-substance-treatment', 'gp'],
    exclude: ['integrated-dual-diagnosis', 'regional-psychiatry'],
    noFlags: ['F-norefusal', 'F-coordination'],
    trace: { 'mental-health': ['NR-K', 'R5'] },
  },
  {
    name: 'R6 + R7 drugs and treatment-requiring illness → integrated offer and both sectors in parallel',
    answers: dual,
    rules: ['R6', 'R7', 'NR-K', 'NR-R'],
    services: ['municipal-substance-treatment', 'regional-psychiatry', 'integrated-dual-diagnosis'],
    include: {
      'integrated-dual-diagnosis': { authority: 'region', ruleIds: ['R6'], legalBasis: ['SUL § 82 c'], deadlineDays: 14, order: 0 },
      'municipal-substance-treatment': { authority: 'kommune', ruleIds: ['R1', 'R7'], deadlineDays: 14, order: 0 },
      'regional-psychiatry': { ruleIds: ['R4', 'R7'], deadlineDays: 30, order: 0 },
    },
    flags: ['F-norefusal', 'F-coordination'],
    trace: { substances: ['NR-K', 'NR-R', 'R1', 'R6', 'R7'], 'mental-health': ['R4', 'R6', 'R7'] },
  },
  {
    name: 'R6 suspected PTSD counts as treatment-requiring illness',
    answers: { substances: ['alcohol'], trauma: 'suspected', 'trauma-origin': 'other' },
    rules: ['R6', 'R7', 'R9'],
    services: ['municipal-substance-treatment', 'regional-psychiatry', 'integrated-dual-diagnosis', 'regional-trauma-treatment'],
    flags: ['F-norefusal', 'F-coordination'],
  },
  {
    name: 'R8 admitted → psychiatric ward, no outpatient psychiatry, coordination',
    answers: { 'mental-health': 'treatment-requiring', 'psychiatric-admission': 'yes' },
    rules: ['R8'],
    services: ['psychiatric-inpatient'],
    include: { 'psychiatric-inpatient': { authority: 'region', ruleIds: ['R8'], legalBasis: ['PSL § 13 a', 'SUL §§ 141–142 (L 126 2023-24)'], deadlineDays: null } },
    flags: ['F-coordination'],
  },
  {
    name: 'R8 admitted with drug use → ward, integrated offer and substance treatment together',
    answers: { ...dual, 'psychiatric-admission': 'yes' },
    rules: ['R8', 'R6', 'R7'],
    services: ['municipal-substance-treatment', 'integrated-dual-diagnosis', 'psychiatric-inpatient'],
    include: { 'municipal-substance-treatment': { ruleIds: ['R1', 'R7', 'R8'], order: 0 }, 'psychiatric-inpatient': { ruleIds: ['R7', 'R8'], order: 0 } },
  },
  {
    name: 'R9 PTSD from events in Denmark → regional trauma treatment, never the kommune',
    answers: { trauma: 'diagnosed', 'trauma-origin': 'other' },
    rules: ['R9'],
    services: ['regional-trauma-treatment'],
    include: { 'regional-trauma-treatment': { authority: 'region', ruleIds: ['R9'], deadlineDays: 30 } },
  },
  {
    name: 'R10 war or torture trauma abroad → refugee trauma clinic',
    answers: { trauma: 'diagnosed', 'trauma-origin': 'abroad-war-torture' },
    rules: ['R10'],
    services: ['refugee-trauma-clinic'],
    include: { 'refugee-trauma-clinic': { authority: 'region', ruleIds: ['R10'], order: 0 } },
  },
  {
    name: 'R11 refugee trauma with cannabis → integrated/psychiatric track first, then the clinic',
    answers: { trauma: 'diagnosed', 'trauma-origin': 'abroad-war-torture', substances: ['drugs'] },
    rules: ['R11', 'R6', 'R7'],
    services: ['municipal-substance-treatment', 'regional-psychiatry', 'integrated-dual-diagnosis', 'refugee-trauma-clinic'],
    include: {
      'integrated-dual-diagnosis': { ruleIds: ['R6', 'R11'], order: 0 },
      'regional-psychiatry': { ruleIds: ['R7', 'R11'], order: 0 },
      'refugee-trauma-clinic': { ruleIds: ['R10', 'R11'], order: 1 },
    },
    trace: { 'trauma-origin': ['R10', 'R11'], substances: ['R11'] },
  },
  {
    name: 'R12 acute → emergency first, then the rest of the guide',
    answers: { acute: 'yes', substances: ['alcohol'] },
    rules: ['R12'],
    services: ['emergency', 'municipal-substance-treatment'],
    include: { emergency: { authority: 'emergency', ruleIds: ['R12'], legalBasis: ['PSL § 5', 'Regionernes akutberedskab (sundhedsloven)'], order: 0 }, 'municipal-substance-treatment': { order: 1 } },
    flags: ['F-acute'],
    trace: { acute: ['R12', 'F-acute'] },
  },
  ...(['homeless', 'shelter'] as const).map(
    (housing): Row => ({
      name: `R13 housing ${housing} → homelessness support (shelter, action plan, Housing First)`,
      answers: { housing },
      rules: ['R13'],
      services: ['homelessness-support'],
      include: { 'homelessness-support': { authority: 'kommune', ruleIds: ['R13'], legalBasis: ['SEL § 110', 'SEL § 85 a'] } },
    }),
  ),
  {
    name: 'R13 housing at-risk → keep-the-home advice (variant at-risk), not the shelter step',
    answers: { housing: 'at-risk' },
    rules: ['R13'],
    services: ['homelessness-support'],
    include: { 'homelessness-support': { authority: 'kommune', ruleIds: ['R13'], legalBasis: ['SEL § 85 a'] } },
  },
  {
    name: 'R14 under 18 → youth services only, nothing else asked',
    answers: { age: 'under-18', substances: ['drugs'], housing: 'homeless' },
    rules: ['R14'],
    services: ['youth-services'],
    include: { 'youth-services': { authority: 'none', ruleIds: ['R14'], legalBasis: ['Barnets lov'] } },
    noFlags: ['F-children'],
  },
  {
    name: 'R14 under 18 in acute danger → emergency, then youth services',
    answers: { acute: 'yes', age: 'under-18' },
    rules: ['R14', 'R12'],
    services: ['emergency', 'youth-services'],
    include: { 'youth-services': { order: 1 } },
  },
  {
    name: 'NR-K substance treatment refused → escalation in the kommune, the track stays',
    answers: { substances: ['alcohol'], 'mental-health': 'treatment-requiring', refusal: ['substance-treatment-refused'] },
    rules: ['NR-K'],
    include: { 'municipal-substance-treatment': { order: 0 } },
    flags: ['F-norefusal', 'F-escalate-kommune'],
    noFlags: ['F-escalate-region'],
    trace: { refusal: ['NR-K', 'F-norefusal', 'F-escalate-kommune'] },
  },
  {
    name: 'NR-R psychiatry refused because of drug use → escalation in the region, psychiatry stays',
    answers: { ...dual, refusal: ['psychiatry-refused'] },
    rules: ['NR-R'],
    include: { 'regional-psychiatry': { order: 0 } },
    flags: ['F-norefusal', 'F-escalate-region'],
    noFlags: ['F-escalate-kommune'],
  },
  {
    name: 'NR-R trauma clinic refused → regional escalation',
    answers: { trauma: 'diagnosed', 'trauma-origin': 'abroad-war-torture', refusal: ['trauma-clinic-refused'] },
    rules: ['NR-R'],
    flags: ['F-norefusal', 'F-escalate-region'],
  },
  {
    name: 'nothing calls for a referral → no track, only the region small print',
    answers: {},
    rules: [],
    services: [],
    noFlags: FLAG_IDS.filter((f) => f !== 'F-region-2027'),
    flags: ['F-region-2027'],
  },
];

const flagRows: Array<{ flag: FlagId; answers: Answers; details?: Details }> = [
  { flag: 'F-acute', answers: { acute: 'yes' } },
  { flag: 'F-norefusal', answers: dual },
  { flag: 'F-escalate-kommune', answers: { substances: ['drugs'], refusal: ['substance-treatment-refused'] } },
  { flag: 'F-escalate-region', answers: { 'mental-health': 'treatment-requiring', refusal: ['psychiatry-refused'] } },
  { flag: 'F-children', answers: { children: 'yes' } },
  { flag: 'F-children', answers: { children: 'pregnant' } },
  { flag: 'F-coordination', answers: { substances: ['alcohol'], 'current-contacts': ['psychiatry', 'substance-treatment'] } },
  { flag: 'F-greenlandic', answers: { language: 'greenlandic' } },
  { flag: 'F-interpreter', answers: { language: 'other' } },
  { flag: 'F-outreach', answers: { 'missed-appointments': 'yes' } },
  { flag: 'F-no-digital', answers: { 'digital-access': 'no' } },
  { flag: 'F-deadlines', answers: { substances: ['alcohol'] }, details: { requestDate: '2026-11-02' } },
  { flag: 'F-region-2027', answers: {} },
];

describe('facts', () => {
  // The plan holds every fact of an answer set as the bits of one 32-bit integer (conditions.ts).
  it('fit in 32 bits', () => {
    expect(Object.keys(facts).length).to.be.within(1, 32);
  });

  it('composite facts decide like their conditions, unasked questions counting as "no"', () => {
    const dual: Answers = { substances: ['alcohol'], trauma: 'suspected' };
    expect(decide('dual', dual)).to.equal(true);
    expect(decide('dual', { substances: ['alcohol'] })).to.equal(false);
    expect(decide({ not: 'admitted' }, dual)).to.equal(true);
    expect(decide('trauma-abroad', { trauma: 'diagnosed', 'trauma-origin': 'abroad-war-torture' })).to.equal(true);
    expect(decide('trauma-abroad', { trauma: 'no', 'trauma-origin': 'abroad-war-torture' })).to.equal(false);
    expect(decide('contact-both', { 'current-contacts': ['psychiatry', 'substance-treatment'] })).to.equal(true);
    expect(decide('contact-both', { 'current-contacts': ['psychiatry'] })).to.equal(false);
    expect(decide('request-date', {}, { requestDate: '2026-11-02' })).to.equal(true);
  });
});

describe('referral rules, one row per rule', () => {
  for (const row of rows) {
    it(row.name, () => {
      const { plan, track } = drive(row.answers, row.details);
      expect(referralPlanSchema.safeParse(plan).success, 'plan matches the schema').to.equal(true);
      const services = plan.tracks.map((t) => t.service);
      if (row.services) expect(services).to.deep.equal(row.services);
      for (const [service, want] of Object.entries(row.include ?? {})) {
        const got = track(service);
        expect(got, `${service} in ${services}`).to.exist;
        if (want.authority) expect(got!.authority, `${service} authority`).to.equal(want.authority);
        if (want.ruleIds) expect(got!.ruleIds, `${service} rules`).to.deep.equal(want.ruleIds);
        if (want.legalBasis) expect(got!.legalBasis, `${service} legal basis`).to.deep.equal(want.legalBasis);
        if (want.deadlineDays !== undefined) expect(got!.deadlineDays ?? null, `${service} deadline`).to.equal(want.deadlineDays);
        if (want.order !== undefined) expect(got!.order, `${service} order`).to.equal(want.order);
      }
      for (const service of row.exclude ?? []) expect(services).not.to.include(service);
      for (const flag of row.flags ?? []) expect(plan.flags).to.include(flag);
      for (const flag of row.noFlags ?? []) expect(plan.flags).not.to.include(flag);
      for (const [question, ids] of Object.entries(row.trace ?? {})) {
        const entry = plan.trace.find((t) => t.questionId === question);
        expect(entry, `trace entry for ${question}`).to.exist;
        expect(entry!.ruleIds).to.include.members(ids!);
      }
      const fired = new Set([...plan.tracks.flatMap((t) => t.ruleIds), ...plan.trace.flatMap((t) => t.ruleIds)]);
      for (const rule of row.rules) expect([...fired], `rule ${rule} fired`).to.include(rule);
    });
  }

  it('covers every rule id at least once', () => {
    const covered = new Set(rows.flatMap((r) => r.rules));
    expect(RULE_IDS.filter((id) => !covered.has(id))).to.deep.equal([]);
  });
});

describe('referral flags, one row per flag', () => {
  for (const row of flagRows) {
    it(`${row.flag} for ${JSON.stringify(row.answers)}${row.details ? ' ' + JSON.stringify(row.details) : ''}`, () => {
      expect(drive(row.answers, row.details).plan.flags).to.include(row.flag);
    });
  }

  it('F-deadlines needs a deadline clock: a request date alone does not raise it', () => {
    const { plan } = drive({ housing: 'homeless' }, { requestDate: '2026-11-02' });
    expect(plan.flags).not.to.include('F-deadlines');
    expect(plan.requestDate).to.equal('2026-11-02');
  });

  it('covers every flag id at least once', () => {
    const covered = new Set(flagRows.map((r) => r.flag));
    expect(FLAG_IDS.filter((id) => !covered.has(id))).to.deep.equal([]);
  });
});
