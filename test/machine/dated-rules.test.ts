/**
 * referral-rules.md section 6 (corrections and additions of 2026-11-29): each corrected rule with
 * its own rows, the plan as of a date (2026-12-31 against 2027-01-01), deadline clocks with their
 * start events, region-aware emergency entries, the 98 municipalities, and `planOf` null at the
 * acute warning with `emergencyPlanOf` beside it.
 */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import {
  checkLocallyFor,
  checkLocallyForFlag,
  computePlan,
  emergencyEntriesFor,
  emergencyPlanOf,
  municipalities,
  planOf,
  referralMachine,
  referralPlanSchema,
  regionOf,
  rules,
  textKeyOf,
  serviceTextBase,
  type Answers,
  type Details,
  type PlanContext,
  type ReferralPlan,
} from '../../machines/index.ts';
import { NOTHING } from './drive.ts';
import { emergencyDefs } from '../../machines/regions.ts';
import daRules from '../../locales/da/rules.json';
import enRules from '../../locales/en/rules.json';
import klRules from '../../locales/kl/rules.json';
import { withNames } from '../locale-names.ts';

const DAY_BEFORE = '2026-12-31';
const MERGER = '2027-01-01';
const plan = (answers: Answers, details: Details = {}, context: PlanContext = { asOf: '2026-11-29' }) => {
  const result = computePlan({ ...NOTHING, ...answers }, details, context);
  expect(referralPlanSchema.safeParse(result).success, JSON.stringify(referralPlanSchema.safeParse(result).error?.issues)).to.equal(true);
  return result;
};
const track = (p: ReferralPlan, service: string) => p.tracks.find((t) => t.service === service);
const dual: Answers = { substances: ['drugs'], 'mental-health': 'treatment-requiring' };

describe('rules as of a date', () => {
  it('rulesValidAsOf is the last review date, 2026-11-29, and the plan records asOf', () => {
    expect(rules.rulesValidAsOf).to.equal('2026-11-29');
    const p = plan({}, {}, { asOf: '2026-12-15' });
    expect(p.rulesValidAsOf).to.equal('2026-11-29');
    expect(p.asOf).to.equal('2026-12-15');
  });

  it('without a date the plan is computed as of today', () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(computePlan({}).asOf).to.equal(today);
  });

  it('Copenhagen: Region Hovedstaden on 2026-12-31, Region Østdanmark on 2027-01-01', () => {
    const place = { municipalityName: 'Københavns Kommune' };
    expect(plan({}, {}, { ...place, asOf: DAY_BEFORE }).region).to.equal('hovedstaden');
    expect(plan({}, {}, { ...place, asOf: MERGER }).region).to.equal('oestdanmark');
  });

  it('Næstved (370): Region Sjælland, then Region Østdanmark; Odense stays Region Syddanmark', () => {
    expect(regionOf({ municipalityCode: '370' }, DAY_BEFORE)).to.equal('sjaelland');
    expect(regionOf({ municipalityCode: '370' }, MERGER)).to.equal('oestdanmark');
    expect(regionOf({ municipalityCode: '461' }, DAY_BEFORE)).to.equal('syddanmark');
    expect(regionOf({ municipalityCode: '461' }, MERGER)).to.equal('syddanmark');
  });

  it('a configured region is carried to its successor; Østdanmark before 2027 without a municipality is unknown', () => {
    expect(regionOf({ region: 'hovedstaden' }, MERGER)).to.equal('oestdanmark');
    expect(regionOf({ region: 'oestdanmark' }, DAY_BEFORE)).to.equal(undefined);
    expect(regionOf({ region: 'oestdanmark', municipalityCode: '101' }, DAY_BEFORE)).to.equal('hovedstaden');
  });

  it('the acute plan in Hovedstaden: 1813 on 2026-12-31; the former Hovedstaden area of Østdanmark on 2027-01-01', () => {
    const entries = (asOf: string) => track(plan({ acute: 'yes' }, {}, { region: 'hovedstaden', asOf }), 'emergency')!.emergency!;
    expect(entries(DAY_BEFORE).map((e) => e.id)).to.deep.equal(['112', '1813']);
    expect(entries(MERGER).map((e) => e.id)).to.deep.equal(['112', '1813-oestdanmark']);
    expect(entries(MERGER)[1]).to.include({ phone: '1813', region: 'oestdanmark', area: 'hovedstaden' });
  });

  it('F-region-2027 is a forecast until 2026-12-31 and a statement from 2027-01-01 (dated text), cites LOV 699/2025', () => {
    expect(textKeyOf('flag.F-region-2027', DAY_BEFORE)).to.equal('flag.F-region-2027');
    expect(textKeyOf('flag.F-region-2027', MERGER)).to.equal('flag.F-region-2027@2027-01-01');
    const flag = rules.flags.find((f) => f.id === 'F-region-2027')!;
    expect(flag.sources).to.deep.equal(['lov-699-2025']);
    expect(plan({}, {}, { asOf: MERGER }).flags).to.include('F-region-2027');
  });

  it('the cooperation agreement stops being a source of the no-refusal rules on 2027-01-01 (L 214 2024-25)', () => {
    const nrk = rules.rules.find((r) => r.id === 'NR-K')!;
    const on = (asOf: string) =>
      [...nrk.sources, ...(nrk.sourcesDated ?? []).filter((s) => (!s.validFrom || s.validFrom <= asOf) && (!s.validTo || asOf <= s.validTo)).map((s) => s.id)];
    expect(on(DAY_BEFORE)).to.include('rh-samarbejdsaftale');
    expect(on(MERGER)).not.to.include('rh-samarbejdsaftale');
    expect(on(MERGER)).to.include.members(['seed-002', 'sst-visitation-2023', 'ft-l214-2024']);
  });

  it('the integrated offer (SUL § 82 c) is not on a plan dated before 2024-09-01', () => {
    expect(track(plan(dual, {}, { asOf: '2024-08-31' }), 'integrated-dual-diagnosis')).to.equal(undefined);
    expect(track(plan(dual, {}, { asOf: '2024-09-01' }), 'integrated-dual-diagnosis')).to.exist;
  });
});

describe('regions and municipalities as data', () => {
  it('has all 98 municipalities, 29/17/22/19/11 by region, 46 in Østdanmark from 2027', () => {
    expect(municipalities.length).to.equal(98);
    expect(new Set(municipalities.map((m) => m.code)).size).to.equal(98);
    const count = (asOf: string) => {
      const by: Record<string, number> = {};
      for (const m of municipalities) {
        const region = regionOf({ municipalityCode: m.code }, asOf)!;
        by[region] = (by[region] ?? 0) + 1;
      }
      return by;
    };
    expect(count(DAY_BEFORE)).to.deep.equal({ hovedstaden: 29, sjaelland: 17, syddanmark: 22, midtjylland: 19, nordjylland: 11 });
    expect(count(MERGER)).to.deep.equal({ oestdanmark: 46, syddanmark: 22, midtjylland: 19, nordjylland: 11 });
  });

  it('finds a municipality by name in its usual spellings', () => {
    for (const name of ['Aarhus', 'Aarhus Kommune', 'Århus', 'København', 'Københavns Kommune', 'Høje-Taastrup', 'Bornholms Regionskommune', 'Bornholm']) {
      expect(regionOf({ municipalityName: name }, DAY_BEFORE), name).to.be.a('string');
    }
  });
});

describe('region-aware emergency (R12)', () => {
  const ids = (region?: Parameters<typeof emergencyEntriesFor>[0], asOf = '2026-11-29') => emergencyEntriesFor(region, asOf).map((e) => e.id);

  it('Odense (Region Syddanmark) gets Syddanmark’s entry, never 1813', () => {
    const entries = track(plan({ acute: 'yes' }, {}, { municipalityName: 'Odense', asOf: '2026-11-29' }), 'emergency')!.emergency!;
    expect(entries.map((e) => e.id)).to.deep.equal(['112', 'syddanmark']);
    expect(entries.map((e) => e.phone)).not.to.include('1813');
  });

  it('Region Sjælland: 1818 since 2022-10-01, not before', () => {
    expect(ids('sjaelland')).to.deep.equal(['112', '1818']);
    expect(ids('sjaelland', '2022-09-30')).to.deep.equal(['112']);
  });

  it('without a region: 112 and the generic rule, no region’s number', () => {
    const entries = emergencyEntriesFor(undefined, '2026-11-29');
    expect(entries.map((e) => e.id)).to.deep.equal(['112', 'generic']);
    expect(entries.filter((e) => e.phone).map((e) => e.phone)).to.deep.equal(['112']);
  });

  it('Midtjylland and Nordjylland: an entry without a phone number (check locally)', () => {
    for (const region of ['midtjylland', 'nordjylland'] as const) {
      const entries = emergencyEntriesFor(region, '2026-11-29');
      expect(entries.map((e) => e.id)).to.deep.equal(['112', region]);
      expect(entries[1].phone).to.equal(undefined);
    }
  });

  it('the emergency step’s legal basis is PSL § 5 and the regions’ emergency service, not "112"', () => {
    const legal = track(plan({ acute: 'yes' }), 'emergency')!.legalBasis;
    expect(legal).to.include('PSL § 5');
    expect(legal.join()).not.to.match(/112/);
  });
});

describe('deadline clocks start at different events (F-deadlines)', () => {
  const details = { requestDate: '2026-11-02' };

  it('request 2026-11-02: the kommune’s 14 days are due 2026-11-16; the region’s 30 days are NOT counted from the request', () => {
    const p = plan(dual, details);
    expect(track(p, 'municipal-substance-treatment')!.clock).to.deep.equal({
      days: 14,
      startsAt: 'request',
      startDate: '2026-11-02',
      due: '2026-11-16',
      overdue: true,
    });
    expect(track(p, 'regional-psychiatry')!.clock).to.deep.equal({ days: 30, startsAt: 'referral-received' });
    expect(track(p, 'integrated-dual-diagnosis')!.clock).to.deep.equal({ days: 14, startsAt: 'visitation-accepted' });
  });

  it('the referral sent on 2026-11-10 starts the region’s 30-day assessment clock: due 2026-12-10, not overdue on 2026-11-29', () => {
    const p = plan(dual, { ...details, referralSentDate: '2026-11-10' });
    expect(track(p, 'regional-psychiatry')!.clock).to.deep.equal({
      days: 30,
      startsAt: 'referral-received',
      startDate: '2026-11-10',
      due: '2026-12-10',
      overdue: false,
    });
    expect(p.referralSentDate).to.equal('2026-11-10');
  });

  it('R9 PTSD: 30 days from the region’s receipt of the referral', () => {
    const p = plan({ trauma: 'diagnosed', 'trauma-origin': 'other' }, { referralSentDate: '2026-11-01' }, { asOf: '2026-12-01' });
    expect(track(p, 'regional-trauma-treatment')!.clock).to.deep.equal({ days: 30, startsAt: 'referral-received', startDate: '2026-11-01', due: '2026-12-01', overdue: false });
    expect(plan({ trauma: 'diagnosed', 'trauma-origin': 'other' }, { referralSentDate: '2026-11-01' }, { asOf: '2026-12-02' }).tracks[0].clock!.overdue).to.equal(true);
  });

  it('overdue only when the due date is before asOf (due on the day itself is not overdue)', () => {
    expect(track(plan({ substances: ['alcohol'] }, { requestDate: '2026-11-15' }), 'municipal-substance-treatment')!.clock!.overdue).to.equal(false);
    expect(track(plan({ substances: ['alcohol'] }, { requestDate: '2026-11-14' }), 'municipal-substance-treatment')!.clock!.overdue).to.equal(true);
  });

  it('R6 never has a due date (acceptance after visitation is not asked), even with both dates given', () => {
    const clock = track(plan(dual, { requestDate: '2026-11-02', referralSentDate: '2026-11-03' }), 'integrated-dual-diagnosis')!.clock!;
    expect(clock.due).to.equal(undefined);
    expect(clock.startsAt).to.equal('visitation-accepted');
  });

  it('F-deadlines with a referral date alone, when a clock it starts exists', () => {
    expect(plan({ 'mental-health': 'treatment-requiring' }, { referralSentDate: '2026-11-10' }).flags).to.include('F-deadlines');
  });
});

describe('R5: the GP is the region’s', () => {
  it('authority region, legal basis SUL §§ 57 and 60; the substance-treatment psychologist only with substance use', () => {
    const mild = track(plan({ 'mental-health': 'mild' }), 'gp')!;
    expect(mild).to.include({ authority: 'region' });
    expect(mild.legalBasis).to.deep.equal(['SUL § 57', 'SUL § 60']);
    expect(mild.variant).to.equal(undefined);
    expect(serviceTextBase(mild)).to.equal('service.gp');
    const withAlcohol = track(plan({ 'mental-health': 'mild', substances: ['alcohol'] }), 'gp')!;
    expect(withAlcohol.variant).to.equal('with-substance');
    expect(serviceTextBase(withAlcohol)).to.equal('service.gp.variants.with-substance');
  });
});

describe('R6: refer for visitation, do not promise', () => {
  it('V-, 14 days from acceptance after visitation, open question 1 and the review note shown as check locally', () => {
    const r6 = rules.rules.find((r) => r.id === 'R6')!;
    expect(r6.confidence).to.equal('V-');
    expect(r6.clockStart).to.equal('visitation-accepted');
    const t = track(plan(dual), 'integrated-dual-diagnosis')!;
    expect(checkLocallyFor(t, '2026-11-29')).to.deep.include.members([
      { kind: 'open-question', id: '1' },
      { kind: 'review-note', id: 'R6' },
    ]);
  });
});

describe('R8 with substance use (L 126 2023-24)', () => {
  const admitted = { ...dual, 'psychiatric-admission': 'yes' } as Answers;

  it('the substance track is planned now and starts at discharge, with no running 14-day clock, even with a request date', () => {
    const t = track(plan(admitted, { requestDate: '2026-11-02' }), 'municipal-substance-treatment')!;
    expect(t.starts).to.equal('at-discharge');
    expect(t.clock).to.equal(undefined);
    expect(t.deadlineDays).to.equal(undefined);
    expect(t.legalBasis).to.include('SUL § 142 (fra udskrivningen, jf. L 126 2023-24)');
  });

  it('alcohol during an admission: SUL § 141 from discharge, no clock', () => {
    const t = track(plan({ substances: ['alcohol'], 'psychiatric-admission': 'yes', 'mental-health': 'treatment-requiring' }, { requestDate: '2026-11-02' }), 'municipal-substance-treatment')!;
    expect(t).to.include({ starts: 'at-discharge' });
    expect(t.legalBasis).to.deep.equal(['SUL § 141 (fra udskrivningen, jf. L 126 2023-24)']);
  });

  it('the ward stays regional, PSL § 13 a as a "may" (review note); no outpatient psychiatry during the stay', () => {
    const p = plan(admitted);
    expect(track(p, 'psychiatric-inpatient')).to.include({ authority: 'region' });
    expect(track(p, 'regional-psychiatry')).to.equal(undefined);
    expect(checkLocallyFor(track(p, 'psychiatric-inpatient')!, '2026-11-29')).to.deep.include({ kind: 'review-note', id: 'R8' });
  });

  it('without an admission the substance track runs now with its clock', () => {
    const t = track(plan(dual, { requestDate: '2026-11-20' }), 'municipal-substance-treatment')!;
    expect(t.starts).to.equal(undefined);
    expect(t.clock?.due).to.equal('2026-12-04');
  });
});

describe('R13: at risk of losing the home', () => {
  it('at-risk → keep-the-home variant, no SEL § 110 shelter step; homeless and shelter keep it', () => {
    const atRisk = track(plan({ housing: 'at-risk' }), 'homelessness-support')!;
    expect(atRisk.variant).to.equal('at-risk');
    expect(atRisk.legalBasis).not.to.include('SEL § 110');
    for (const housing of ['homeless', 'shelter']) {
      const t = track(plan({ housing }), 'homelessness-support')!;
      expect(t.variant, housing).to.equal(undefined);
      expect(t.legalBasis).to.include('SEL § 110');
    }
  });
});

describe('escalation (F-escalate-*)', () => {
  it('the kommune route shows open question 5 (SUL §§ 141/142 complaints) as check locally', () => {
    expect(checkLocallyForFlag('F-escalate-kommune', '2026-11-29')).to.deep.equal([{ kind: 'open-question', id: '5' }]);
  });
  it('the regional route shows open question 3 (are the clinics bound by NR-R)', () => {
    expect(checkLocallyForFlag('F-escalate-region', '2026-11-29')).to.deep.equal([{ kind: 'open-question', id: '3' }]);
  });
  it('F-children shows open question 2, F-region-2027 open question 4', () => {
    expect(checkLocallyForFlag('F-children', '2026-11-29')).to.deep.equal([{ kind: 'open-question', id: '2' }]);
    expect(checkLocallyForFlag('F-region-2027', '2026-11-29')).to.deep.equal([{ kind: 'open-question', id: '4' }]);
  });
  it('every open question of section 5 is attached to some rule or flag', () => {
    for (const id of ['1', '2', '3', '4', '5']) {
      const q = rules.openQuestions.find((o) => o.id === id)!;
      expect((q.rules?.length ?? 0) + (q.flags?.length ?? 0), `open question ${id}`).to.be.greaterThan(0);
    }
  });
});

describe('planOf per the contract, emergencyPlanOf at the warning', () => {
  it('an outside harness: planOf null at the warning, continue, then the full plan', () => {
    const actor = createActor(referralMachine).start();
    actor.send({ type: 'context', municipalityCode: '330', asOf: '2026-11-29' });
    actor.send({ type: 'answer', questionId: 'acute', value: 'yes' });
    expect(planOf(actor.getSnapshot())).to.equal(null);
    const emergency = emergencyPlanOf(actor.getSnapshot())!;
    expect(emergency.region).to.equal('sjaelland');
    expect(emergency.tracks[0].emergency!.map((e) => e.phone)).to.deep.equal(['112', '1818']);
    actor.send({ type: 'continue' });
    for (const [id, value] of Object.entries({ ...NOTHING, substances: ['alcohol'] })) {
      if (id !== 'acute') actor.send({ type: 'answer', questionId: id, value });
    }
    const full = planOf(actor.getSnapshot())!;
    expect(full.tracks.map((t) => t.service)).to.deep.equal(['emergency', 'municipal-substance-treatment']);
    expect(emergencyPlanOf(actor.getSnapshot())).to.equal(null);
    expect(full.asOf).to.equal('2026-11-29');
  });

  it('the context event is validated: an invalid date or region is ignored, null clears', () => {
    const actor = createActor(referralMachine).start();
    actor.send({ type: 'context', asOf: '2026-02-30' });
    actor.send({ type: 'context', region: 'atlantis' });
    expect(actor.getSnapshot().context.setting).to.equal(undefined);
    actor.send({ type: 'context', region: 'nordjylland', asOf: '2027-03-01' });
    expect(actor.getSnapshot().context.setting).to.deep.equal({ region: 'nordjylland', asOf: '2027-03-01' });
    actor.send({ type: 'context', region: null });
    expect(actor.getSnapshot().context.setting).to.deep.equal({ asOf: '2027-03-01' });
  });

  it('a referral date is a detail the machine keeps and clears', () => {
    const actor = createActor(referralMachine).start();
    actor.send({ type: 'details', referralSentDate: '2026-11-10' });
    expect(actor.getSnapshot().context.details).to.deep.equal({ referralSentDate: '2026-11-10' });
    actor.send({ type: 'details', referralSentDate: 'yesterday' });
    expect(actor.getSnapshot().context.details).to.deep.equal({ referralSentDate: '2026-11-10' });
    actor.send({ type: 'details', referralSentDate: null });
    expect(actor.getSnapshot().context.details).to.deep.equal({});
  });
});

describe('the corrected texts say what section 6 says (Danish and English)', () => {
  const da = daRules as any;
  const en = enRules as any;
  it('escalation: the citizen complains (fuldmagt), the caseworker helps; Ankestyrelsen only for SEL § 101; §§ 141–142 check locally', () => {
    const k = withNames(da.escalation.kommune.steps.join(' '));
    expect(k).to.match(/borgeren, der klager/).and.match(/fuldmagt/).and.match(/Du kan hjælpe/);
    expect(k).to.match(/serviceloven § 101[^.]*4 uger/).and.match(/Ankestyrelsen/).and.match(/§§ 141–142: klagevejen er ikke afklaret/);
    expect(en.escalation.kommune.steps.join(' ')).to.match(/power of attorney/).and.match(/SEL § 101/).and.match(/check locally/);
  });
  it('Styrelsen for Patientklager: rights 4 weeks, treatment 2 years, MitID or paper with an exemption, the patient office helps; Ombudsmand after', () => {
    const r = withNames(da.escalation.region.steps.join(' '));
    expect(r).to.match(/4 uger/).and.match(/2 år/).and.match(/MitID/).and.match(/papir/).and.match(/patientkontor/);
    expect(da.escalation.general.steps[0]).to.match(/først når klagemulighederne er brugt/);
    expect(en.escalation.region.steps.join(' ')).to.match(/4 weeks/).and.match(/2 years/).and.match(/exemption/);
  });
  it('R6 says refer for visitation, target group, phase-in, 14 days from acceptance, free medicine for the substance problem only', () => {
    const text = en.rule.R6.explanation + ' ' + en.service['integrated-dual-diagnosis'].action;
    expect(text).to.match(/refers? for visitation/).and.match(/target group/).and.match(/phased in until 2027/);
    expect(text).to.match(/14 days of acceptance/).and.match(/medicine for the substance problem/);
    expect(text).not.to.match(/within 14 days of the region receiving the referral/);
  });
  it('R8: psychiatric follow-up stays with the region; PSL § 13 a "may", only some patients; no 14-day clock during the stay', () => {
    expect(en.rule.R8.explanation).to.match(/follow-up after discharge stays with the region/).and.match(/may be used, but covers only some patients/).and.match(/no running 14-day clock/);
    expect(en.service['psychiatric-inpatient'].description).not.to.match(/kommune takes over/i);
  });
  it('at risk of losing the home: keep the home, not the shelter', () => {
    const v = da.service['homelessness-support'].variants['at-risk'];
    expect(v.action).to.match(/beholde/).and.not.match(/kan selv møde op på et herberg/);
  });
  it('the emergency texts name no single region’s number as if it applied everywhere; F-acute and the service say 112 and the region', () => {
    expect(en.service.emergency.action).not.to.match(/1813|1818/);
    expect(en.flag['F-acute'].body).not.to.match(/1813|1818/);
  });
});

describe('every text the dated data names exists in da, en and kl', () => {
  const get = (bundle: unknown, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
  const keys: string[] = [
    ...emergencyDefs.flatMap((e) => [`emergency.${e.id}.text`, ...(e.phone ? [`emergency.${e.id}.label`] : [])]),
    'emergency.compulsory',
    ...rules.rules.filter((r) => r.reviewNote).map((r) => `reviewNote.${r.id}`),
    ...rules.openQuestions.map((q) => `openQuestion.${q.id}`),
    ...Object.entries(rules.textVariants).flatMap(([base, variants]) => variants.flatMap((v) => [`${base}@${v.validFrom}.title`, `${base}@${v.validFrom}.body`])),
    ...['request', 'referral-received', 'visitation-accepted', 'due', 'overdue', 'overdueKommune', 'overdueRegion'].map((k) => `clock.${k}`),
    'starts.at-discharge',
    ...['name', 'description', 'action'].flatMap((f) => [`service.homelessness-support.variants.at-risk.${f}`, `service.gp.variants.with-substance.${f}`]),
    ...rules.sources.map((s) => `source.${s.id}`),
  ];
  for (const [lang, bundle] of Object.entries({ da: daRules, en: enRules, kl: klRules })) {
    it(`${lang}: ${keys.length} keys`, () => {
      expect(keys.filter((k) => typeof get(bundle, k) !== 'string')).to.deep.equal([]);
    });
  }
});
