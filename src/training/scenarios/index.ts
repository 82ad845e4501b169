/**
 * The bundled scenario library for training mode, in teaching order: single tracks first, then the
 * boundaries (mild vs treatment-requiring, no treatment need, nothing to refer), outreach, trauma,
 * dual diagnosis, the two no-refusal rules, and last the cases that stop or interrupt the guide
 * (admission, acute danger, under 18). docs/scenarios.md is the trainers' overview of the same list.
 *
 * Each JSON file is a scenario as in contract.md ("Scenario files"). JSON imports are typed with
 * plain strings, so the list is declared as `Scenario[]` here; the scenario tests validate every
 * entry with `scenarioSchema` and run it through the machine, so a bad file fails there, not here.
 */
import type { Scenario } from '../../../machines/index.ts';

import motherAlcoholTwoChildren from './mother-alcohol-two-children.json';
import pregnantDrugUse from './pregnant-drug-use.json';
import mildAnxietyAlcoholGp from './mild-anxiety-alcohol-gp.json';
import depressionRegionalPsychiatry from './depression-regional-psychiatry.json';
import homelessNoTreatmentNeeds from './homeless-no-treatment-needs.json';
import nothingToRefer from './nothing-to-refer.json';
import youngAdultNoPhone from './young-adult-no-phone.json';
import residentialOutpatientInsufficient from './residential-outpatient-insufficient.json';
import ptsdTraumaTreatmentIsRegional from './ptsd-trauma-treatment-is-regional.json';
import greenlandicShelterPtsd from './greenlandic-shelter-ptsd.json';
import substanceTreatmentRefused from './substance-treatment-refused.json';
import psychosisAmphetaminePsychiatryRefused from './psychosis-amphetamine-psychiatry-refused.json';
import refugeeTortureCannabisClinicRefused from './refugee-torture-cannabis-clinic-refused.json';
import bothServicesRefused from './both-services-refused.json';
import admittedPsychiatricWardDrugs from './admitted-psychiatric-ward-drugs.json';
import acuteSuicidalThenContinue from './acute-suicidal-then-continue.json';
import seventeenYearOld from './seventeen-year-old.json';

export const bundledScenarios: readonly Scenario[] = [
  motherAlcoholTwoChildren,
  pregnantDrugUse,
  mildAnxietyAlcoholGp,
  depressionRegionalPsychiatry,
  homelessNoTreatmentNeeds,
  nothingToRefer,
  youngAdultNoPhone,
  residentialOutpatientInsufficient,
  ptsdTraumaTreatmentIsRegional,
  greenlandicShelterPtsd,
  substanceTreatmentRefused,
  psychosisAmphetaminePsychiatryRefused,
  refugeeTortureCannabisClinicRefused,
  bothServicesRefused,
  admittedPsychiatricWardDrugs,
  acuteSuicidalThenContinue,
  seventeenYearOld,
] as unknown as readonly Scenario[];
