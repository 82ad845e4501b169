/**
 * The plan's actions (src/plan/actions.ts) and the case-file note (src/plan/note.ts) as pure
 * functions of the machine's plan, the host's config and the date: one action per door, acute
 * first and alone, a refusal's escalation right after the action it concerns, true clocks, and a
 * journal note without web addresses or rule ids.
 */
import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { computePlan, type Answers, type Details } from '../../machines/index.ts';
import { SERVICE_DOOR } from '../../machines/doors.ts';
import { SERVICE_IDS } from '../../machines/types.ts';
import { buildActions } from '../../src/plan/actions.ts';
import { planNoteText, planScreen } from '../../src/plan/pipeline.ts';
import { actionText, spellOut } from '../../src/plan/action-text.ts';
import { resources } from '../../src/i18n/resources.ts';
import { makeTranslator } from '../../src/i18n/translator.ts';
import { localView } from '../../src/config/view.ts';
import { LANGS } from '../../src/i18n/languages.ts';
import type { ReferralConfig } from '../../src/config/schema.ts';
import koebenhavn from '../../demo/configs/koebenhavn.json';
import shelter from '../../src/training/scenarios/greenlandic-shelter-ptsd.json';
import acute from '../../src/training/scenarios/acute-suicidal-then-continue.json';
import psychosis from '../../src/training/scenarios/psychosis-amphetamine-psychiatry-refused.json';
import refugee from '../../src/training/scenarios/refugee-torture-cannabis-clinic-refused.json';
import residential from '../../src/training/scenarios/residential-outpatient-insufficient.json';
import admitted from '../../src/training/scenarios/admitted-psychiatric-ward-drugs.json';
import substanceRefused from '../../src/training/scenarios/substance-treatment-refused.json';
import { names } from '../../src/i18n/names.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'da', ns: ['ui', 'rules'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false, defaultVariables: names } });
const tr = (lang: 'da' | 'en' | 'kl') => makeTranslator(i18n, lang);

const { $schema: _schema, ...configData } = koebenhavn as Record<string, unknown>;
const config = configData as ReferralConfig;
const local = localView(config, 'da');
const AS_OF = '2026-11-29';
const YOUTH: Answers = { acute: 'no', age: 'under-18' };

function plan(answers: unknown, details: Details = {}, asOf = AS_OF) {
  return computePlan(answers as Answers, details, { asOf, region: 'hovedstaden' });
}
const kinds = (answers: unknown, details: Details = {}) => buildActions(plan(answers, details), local, AS_OF).map((a) => a.kind);

describe('buildActions', () => {
  it('every service has a door (machines/doors.ts)', () => {
    for (const s of SERVICE_IDS) expect(SERVICE_DOOR[s], s).to.be.a('string');
  });

  it('shelter case: five actions, all regional referrals in one GP action', () => {
    const p = plan(shelter.answers, { requestDate: '2026-11-24' });
    const actions = buildActions(p, local, AS_OF);
    expect(actions.map((a) => a.kind)).to.deep.equal(['substance', 'referral', 'housing', 'interpreter', 'coordination']);
    const referral = actions[1];
    expect(referral.actor).to.equal('gp');
    expect(referral.services).to.have.members(['regional-psychiatry', 'integrated-dual-diagnosis', 'regional-trauma-treatment']);
    expect(referral.items).to.deep.equal(['assessment', 'integrated', 'ptsd']);
    // Psychiatry and the PTSD assessment share one clock line; the integrated offer has its own.
    expect(referral.clocks.map((c) => [c.startsAt, c.days])).to.deep.equal([
      ['referral-received', 30],
      ['visitation-accepted', 14],
    ]);
    expect(referral.clocks.every((c) => c.due === undefined), 'no date before the referral is sent').to.equal(true);
    const substance = actions[0];
    expect(substance.clocks).to.deep.equal([
      { service: 'municipal-substance-treatment', days: 14, startsAt: 'request', startDate: '2026-11-24', due: '2026-12-08', overdue: false },
    ]);
    expect(substance.contacts.map((c) => c.name.text)).to.deep.equal(['Rusmiddelbehandling København']);
    expect(substance.asks).to.include('noRefusalKommune');
    expect(actions[2].contacts.map((c) => c.name.text)).to.deep.equal(['Københavns Kommune – hjemløseindsatsen']);
    expect(actions[3].flags).to.deep.equal(['F-greenlandic']);
  });

  it('acute comes first and alone, with the region’s emergency entries', () => {
    const actions = buildActions(plan(acute.answers), local, AS_OF);
    expect(actions.map((a) => a.kind)).to.deep.equal(['emergency', 'substance', 'referral', 'coordination']);
    expect(actions[0].services).to.deep.equal(['emergency']);
    expect(actions[0].flags).to.deep.equal(['F-acute']);
    expect(actions[0].emergency.map((e) => e.phone).filter(Boolean)).to.include.members(['112', '1813']);
    // Without a region: no region's own number presented as if it applied.
    const nowhere = computePlan(acute.answers as Answers, {}, { asOf: AS_OF });
    const entries = buildActions(nowhere, null, AS_OF)[0].emergency;
    expect(entries.map((e) => e.phone).filter(Boolean)).to.deep.equal(['112']);
  });

  it('a refusal puts its escalation right after the action it concerns', () => {
    expect(kinds(psychosis.answers)).to.deep.equal(['substance', 'referral', 'escalate-region', 'coordination']);
    expect(kinds(substanceRefused.answers)[1]).to.equal('escalate-kommune');
    expect(kinds(substanceRefused.answers)[0]).to.equal('substance');
  });

  it('refugee with torture trauma using cannabis: the clinic comes after, in the same referral', () => {
    const actions = buildActions(plan(refugee.answers), local, AS_OF);
    expect(actions.map((a) => a.kind)).to.deep.equal(['substance', 'referral', 'escalate-region', 'children', 'interpreter', 'coordination']);
    expect(actions[1].items).to.deep.equal(['assessment', 'integrated', 'refugeeClinicAfter']);
    expect(actions[4].flags).to.deep.equal(['F-interpreter']);
  });

  it('youth: one action for the children and youth counselling, no clock', () => {
    const actions = buildActions(plan(YOUTH), local, AS_OF);
    expect(actions.map((a) => [a.kind, a.actor, a.clocks.length])).to.deep.equal([['youth', 'caseworker', 0]]);
  });

  it('residential treatment is asked for in the substance action when outpatient was not enough', () => {
    const substance = buildActions(plan(residential.answers, { outpatientInsufficient: true }), local, AS_OF)[0];
    expect(substance.kind).to.equal('substance');
    expect(substance.asks).to.include('residential');
    const without = buildActions(plan(residential.answers), local, AS_OF)[0];
    expect(without.asks).to.not.include('residential');
  });

  it('during an admission: the ward, and substance treatment planned for discharge without a clock', () => {
    const actions = buildActions(plan(admitted.answers, { requestDate: '2026-11-02' }), local, AS_OF);
    const substance = actions.find((a) => a.kind === 'substance')!;
    expect(substance.asks).to.include('rules:starts.at-discharge');
    expect(substance.clocks).to.deep.equal([]);
    expect(actions.map((a) => a.kind)).to.include('ward');
  });

  it('an overdue clock is marked overdue against the date', () => {
    const p = plan(shelter.answers, { requestDate: '2026-11-03' });
    const substance = buildActions(p, local, AS_OF)[0];
    expect(substance.clocks[0]).to.include({ due: '2026-11-17', overdue: true });
    const text = actionText(substance, tr('en'), AS_OF);
    expect(text.clocks[0].when).to.equal('Overdue: the deadline was 17 November 2026');
    expect(text.clocks[0].route, 'with the way on for that clock').to.equal(tr('en').t('rules:clock.overdueKommune'));
  });

  it('without a local contact the action names the national route', () => {
    const actions = buildActions(plan(shelter.answers), null, AS_OF);
    for (const lang of LANGS) {
      const text = actionText(actions[0], tr(lang), AS_OF);
      expect(text.contacts).to.deep.equal([]);
      expect(text.route).to.equal(tr(lang).t('act.route.substance-unit'));
    }
  });
});

describe('the plan view', () => {
  it('"Why?" lists only the answers that fired that track’s own rules', () => {
    const { view } = planScreen(plan(shelter.answers), tr('en'), local, AS_OF);
    const substance = view.steps.find((s) => s.service === 'municipal-substance-treatment')!;
    // Alcohol is why there is alcohol treatment; the suspected PTSD only makes it run in parallel.
    const why = substance.why.map((w) => w.questionId);
    expect(why).to.include('substances');
    expect(why).to.not.include.members(['trauma']);
    expect(why).to.not.include('mental-health');
    const trauma = view.steps.find((s) => s.service === 'regional-trauma-treatment')!;
    expect(trauma.why.map((w) => w.questionId)).to.include('trauma');
  });

  it('spells out SUL, SEL and PSL on first use only', () => {
    const seen = new Set<string>();
    expect(spellOut(['SUL § 141', 'SUL § 82 b', 'SEL § 110'], tr('da'), seen)).to.deep.equal([
      'sundhedsloven (SUL) § 141',
      'SUL § 82 b',
      'serviceloven (SEL) § 110',
    ]);
    expect(spellOut(['PSL § 5'], tr('en'), new Set())).to.deep.equal(['psykiatriloven, the Mental Health Act (PSL) § 5']);
  });
});

describe('the case-file note', () => {
  const cases: Array<[string, unknown, Details, number]> = [
    ['shelter', shelter.answers, { requestDate: '2026-11-24' }, 5],
    ['acute', acute.answers, {}, 4],
    ['psychosis', psychosis.answers, { requestDate: '2026-11-03' }, 4],
    ['youth', YOUTH, {}, 1],
    ['refugee', refugee.answers, {}, 6],
  ];
  for (const [name, answers, details, count] of cases) {
    for (const lang of LANGS) {
      it(`${name} in ${lang}: a journal note with every action and no addresses or rule ids`, () => {
        const text = planNoteText(plan(answers, details), tr(lang), localView(config, lang), AS_OF);
        expect(text).to.not.match(/\bR\d+\b|NR-|http|www\./);
        expect(text).to.contain(tr(lang).t('note.decisionSupport'));
        expect(text).to.contain(tr(lang).t('note.rulesDate', { date: tr(lang).date('2026-11-29') }).replace(/\.$/, ''));
        for (let n = 1; n <= count; n++) expect(text).to.match(new RegExp(`^${n}\\. `, 'm'));
        expect(text).to.not.match(new RegExp(`^${count + 1}\\. `, 'm'));
        // No screen sentences (buttons, "open", "below").
        for (const key of ['plan.showRefused', 'plan.detailsIntro', 'act.noRequestDate']) expect(text).to.not.contain(tr(lang).t(key));
      });
    }
  }

  it('shelter case (Danish): at most 1,500 characters, with the date, clocks, contacts and legal bases', () => {
    const text = planNoteText(plan(shelter.answers, { requestDate: '2026-11-24' }), tr('da'), local, AS_OF);
    expect(text.length, text).to.be.at.most(1500);
    expect(text).to.contain('29. november 2026');
    expect(text).to.contain('anmodning: Senest 8. december 2026');
    expect(text).to.contain('Rusmiddelbehandling København, +45 00 00 00 00');
    expect(text).to.contain('SUL § 141');
    expect(text).to.contain('SEL § 110');
  });
});
