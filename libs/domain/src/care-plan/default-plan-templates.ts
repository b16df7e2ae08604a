import type { HrsnDomain } from '../needs/ahc-hrsn-screen';
import type { ClinicalCode } from './care-plan';
import type { PlanTemplate, RelativeDue, TemplateOwner } from './plan-template';

const icd10 = (code: string): ClinicalCode => ({
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  code,
});
const businessDays = (count: number): RelativeDue => ({ businessDaysAfterDischarge: count });
const days = (count: number): RelativeDue => ({ daysAfterDischarge: count });
const team = (name: string): TemplateOwner => ({ kind: 'care_team', team: `care-team/${name}` });
const coordinators = team('transitions');
const pharmacy = team('pharmacy');
const socialWork = team('social-work');
const communityReferral = (needDomain: HrsnDomain): TemplateOwner => ({
  kind: 'handoff',
  handoffKind: 'community_resource',
  needDomain,
});

const heartFailure: PlanTemplate = {
  templateId: 'hrrp-heart-failure',
  version: 1,
  title: 'Heart failure transition',
  condition: { kind: 'hrrp', condition: 'heart_failure' },
  problems: [
    {
      key: 'hf',
      source: { kind: 'diagnosis' },
      code: icd10('I50.9'),
      description: 'Heart failure',
    },
  ],
  goals: [
    {
      key: 'hf-self-care',
      problemKey: 'hf',
      description:
        'Weighs daily, keeps to a low-sodium diet and knows when to call about weight gain or breathlessness',
      targetBy: days(7),
    },
    {
      key: 'hf-no-readmission',
      problemKey: 'hf',
      description: 'No readmission for heart failure within 30 days of discharge',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'hf-daily-weights',
      goalKey: 'hf-self-care',
      description:
        'Teach daily weights with a log: call when weight rises 2 lb in a day or 5 lb in a week',
      owner: coordinators,
      due: businessDays(1),
    },
    {
      key: 'hf-low-sodium-diet',
      goalKey: 'hf-self-care',
      description: 'Teach a low-sodium diet (under 2,000 mg a day) and the fluid guidance',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'hf-medication-review',
      goalKey: 'hf-no-readmission',
      description: 'Medication review: diuretic, guideline-directed therapy, interactions',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'hf-cardiology-visit',
      goalKey: 'hf-no-readmission',
      description: 'Cardiology follow-up visit within 7 days of discharge',
      owner: coordinators,
      due: days(7),
    },
  ],
};

const ami: PlanTemplate = {
  templateId: 'hrrp-ami',
  version: 1,
  title: 'Acute myocardial infarction transition',
  condition: { kind: 'hrrp', condition: 'ami' },
  problems: [
    {
      key: 'ami',
      source: { kind: 'diagnosis' },
      code: icd10('I21.9'),
      description: 'Acute myocardial infarction',
    },
  ],
  goals: [
    {
      key: 'ami-secondary-prevention',
      problemKey: 'ami',
      description: 'Takes secondary-prevention medicines and knows the chest-pain action plan',
      targetBy: days(14),
    },
    {
      key: 'ami-cardiac-rehab',
      problemKey: 'ami',
      description: 'Enrolled in cardiac rehabilitation',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'ami-medication-review',
      goalKey: 'ami-secondary-prevention',
      description: 'Medication review: antiplatelet therapy, statin, beta-blocker, nitroglycerin',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'ami-chest-pain-plan',
      goalKey: 'ami-secondary-prevention',
      description: 'Teach the chest-pain action plan and when to call 911',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'ami-cardiology-visit',
      goalKey: 'ami-secondary-prevention',
      description: 'Cardiology follow-up visit within 7 days of discharge',
      owner: coordinators,
      due: days(7),
    },
    {
      key: 'ami-cardiac-rehab-referral',
      goalKey: 'ami-cardiac-rehab',
      description: 'Refer to cardiac rehabilitation',
      owner: team('cardiac-rehab'),
      due: days(14),
    },
  ],
};

const pneumonia: PlanTemplate = {
  templateId: 'hrrp-pneumonia',
  version: 1,
  title: 'Pneumonia transition',
  condition: { kind: 'hrrp', condition: 'pneumonia' },
  problems: [
    { key: 'pn', source: { kind: 'diagnosis' }, code: icd10('J18.9'), description: 'Pneumonia' },
  ],
  goals: [
    {
      key: 'pn-recovery',
      problemKey: 'pn',
      description: 'Completes the antibiotic course and recovers without a readmission',
      targetBy: days(30),
    },
    {
      key: 'pn-prevention',
      problemKey: 'pn',
      description: 'Pneumococcal and influenza vaccinations up to date',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'pn-antibiotic-review',
      goalKey: 'pn-recovery',
      description: 'Medication review: antibiotic, its dose and its end date',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'pn-symptom-check',
      goalKey: 'pn-recovery',
      description: 'Symptom check: fever, breathing, fluids; when to call',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'pn-primary-care-visit',
      goalKey: 'pn-recovery',
      description: 'Primary-care follow-up visit within 7 days of discharge',
      owner: coordinators,
      due: days(7),
    },
    {
      key: 'pn-vaccination-review',
      goalKey: 'pn-prevention',
      description: 'Review pneumococcal and influenza vaccination status and arrange what is due',
      owner: coordinators,
      due: days(14),
    },
  ],
};

const copd: PlanTemplate = {
  templateId: 'hrrp-copd',
  version: 1,
  title: 'COPD exacerbation transition',
  condition: { kind: 'hrrp', condition: 'copd' },
  problems: [
    {
      key: 'copd',
      source: { kind: 'diagnosis' },
      code: icd10('J44.1'),
      description: 'COPD with acute exacerbation',
    },
  ],
  goals: [
    {
      key: 'copd-self-management',
      problemKey: 'copd',
      description: 'Uses inhalers correctly and follows a COPD action plan',
      targetBy: days(7),
    },
    {
      key: 'copd-no-readmission',
      problemKey: 'copd',
      description: 'No readmission for COPD within 30 days of discharge',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'copd-inhaler-technique',
      goalKey: 'copd-self-management',
      description: 'Teach inhaler technique with teach-back',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'copd-action-plan',
      goalKey: 'copd-self-management',
      description: 'Go over the COPD action plan: rescue inhaler, steroid course, when to call',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'copd-medication-review',
      goalKey: 'copd-no-readmission',
      description: 'Medication review: inhalers, steroid taper, oxygen',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'copd-follow-up-visit',
      goalKey: 'copd-no-readmission',
      description: 'Pulmonary or primary-care follow-up visit within 7 days of discharge',
      owner: coordinators,
      due: days(7),
    },
    {
      key: 'copd-pulmonary-rehab-referral',
      goalKey: 'copd-no-readmission',
      description: 'Refer to pulmonary rehabilitation',
      owner: team('pulmonary-rehab'),
      due: days(30),
    },
  ],
};

const cabg: PlanTemplate = {
  templateId: 'hrrp-cabg',
  version: 1,
  title: 'Coronary artery bypass graft transition',
  condition: { kind: 'hrrp', condition: 'cabg' },
  problems: [
    {
      key: 'cabg',
      source: { kind: 'diagnosis' },
      code: icd10('Z95.1'),
      description: 'After coronary artery bypass graft surgery',
    },
  ],
  goals: [
    {
      key: 'cabg-recovery',
      problemKey: 'cabg',
      description: 'Sternal wound heals without infection; no readmission within 30 days',
      targetBy: days(30),
    },
    {
      key: 'cabg-cardiac-rehab',
      problemKey: 'cabg',
      description: 'Enrolled in cardiac rehabilitation',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'cabg-wound-care',
      goalKey: 'cabg-recovery',
      description: 'Teach sternal precautions, wound care and the signs of infection',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'cabg-medication-review',
      goalKey: 'cabg-recovery',
      description: 'Medication review: antiplatelet therapy, statin, beta-blocker, pain control',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'cabg-surgeon-visit',
      goalKey: 'cabg-recovery',
      description: 'Cardiac surgery follow-up visit within 14 days of discharge',
      owner: coordinators,
      due: days(14),
    },
    {
      key: 'cabg-cardiac-rehab-referral',
      goalKey: 'cabg-cardiac-rehab',
      description: 'Refer to cardiac rehabilitation',
      owner: team('cardiac-rehab'),
      due: days(21),
    },
  ],
};

const thaTka: PlanTemplate = {
  templateId: 'hrrp-tha-tka',
  version: 1,
  title: 'Elective hip or knee replacement transition',
  condition: { kind: 'hrrp', condition: 'tha_tka' },
  problems: [
    {
      key: 'arthroplasty',
      source: { kind: 'diagnosis' },
      code: icd10('Z47.1'),
      description: 'Aftercare following hip or knee replacement',
    },
  ],
  goals: [
    {
      key: 'arthroplasty-mobility',
      problemKey: 'arthroplasty',
      description: 'Walks safely with the prescribed aid and follows the exercise plan',
      targetBy: days(14),
    },
    {
      key: 'arthroplasty-no-complication',
      problemKey: 'arthroplasty',
      description: 'No wound infection, blood clot or fall within 30 days',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'arthroplasty-physical-therapy',
      goalKey: 'arthroplasty-mobility',
      description: 'Start physical therapy, at home or as an outpatient',
      owner: team('physical-therapy'),
      due: businessDays(2),
    },
    {
      key: 'arthroplasty-anticoagulation-review',
      goalKey: 'arthroplasty-no-complication',
      description: 'Medication review: anticoagulant for clot prevention and the pain plan',
      owner: pharmacy,
      due: businessDays(2),
    },
    {
      key: 'arthroplasty-home-safety',
      goalKey: 'arthroplasty-no-complication',
      description: 'Fall-risk and home-safety check; teach wound care',
      owner: coordinators,
      due: businessDays(2),
    },
    {
      key: 'arthroplasty-orthopedic-visit',
      goalKey: 'arthroplasty-mobility',
      description: 'Orthopedic follow-up visit within 14 days of discharge',
      owner: coordinators,
      due: days(14),
    },
  ],
};

const food: PlanTemplate = {
  templateId: 'need-food',
  version: 1,
  title: 'Food insecurity',
  condition: { kind: 'need', domain: 'food' },
  problems: [
    {
      key: 'food',
      source: { kind: 'need', domain: 'food' },
      code: icd10('Z59.41'),
      description: 'Food insecurity',
    },
  ],
  goals: [
    {
      key: 'food-access',
      problemKey: 'food',
      description: 'Has reliable access to enough food',
      targetBy: days(14),
    },
  ],
  interventions: [
    {
      key: 'food-bank-referral',
      goalKey: 'food-access',
      description: 'Refer to a food bank or home-delivered meal program',
      owner: communityReferral('food'),
      due: businessDays(2),
    },
    {
      key: 'food-benefits',
      goalKey: 'food-access',
      description: 'Help apply for SNAP or other food benefits',
      owner: socialWork,
      due: businessDays(5),
    },
  ],
};

const transportation: PlanTemplate = {
  templateId: 'need-transportation',
  version: 1,
  title: 'Transportation insecurity',
  condition: { kind: 'need', domain: 'transportation' },
  problems: [
    {
      key: 'transportation',
      source: { kind: 'need', domain: 'transportation' },
      code: icd10('Z59.82'),
      description: 'Transportation insecurity',
    },
  ],
  goals: [
    {
      key: 'transportation-appointments',
      problemKey: 'transportation',
      description: 'Gets to follow-up appointments and the pharmacy',
      targetBy: days(14),
    },
  ],
  interventions: [
    {
      key: 'transportation-referral',
      goalKey: 'transportation-appointments',
      description: 'Refer to a ride program or non-emergency medical transportation',
      owner: communityReferral('transportation'),
      due: businessDays(2),
    },
    {
      key: 'transportation-visit-ride',
      goalKey: 'transportation-appointments',
      description: 'Book a ride to the face-to-face visit',
      owner: coordinators,
      due: businessDays(5),
    },
  ],
};

const utilities: PlanTemplate = {
  templateId: 'need-utilities',
  version: 1,
  title: 'Utility needs',
  condition: { kind: 'need', domain: 'utilities' },
  problems: [
    {
      key: 'utilities',
      source: { kind: 'need', domain: 'utilities' },
      code: icd10('Z59.12'),
      description: 'Utilities shut off or threatened',
    },
  ],
  goals: [
    {
      key: 'utilities-on',
      problemKey: 'utilities',
      description: 'Electricity, heat and water kept on or restored',
      targetBy: days(14),
    },
  ],
  interventions: [
    {
      key: 'utilities-referral',
      goalKey: 'utilities-on',
      description: 'Refer to utility assistance (such as LIHEAP) and shut-off protection',
      owner: communityReferral('utilities'),
      due: businessDays(1),
    },
    {
      key: 'utilities-powered-equipment',
      goalKey: 'utilities-on',
      description: 'Check that powered medical equipment (oxygen, pumps) has a backup plan',
      owner: coordinators,
      due: businessDays(1),
    },
  ],
};

const livingSituation: PlanTemplate = {
  templateId: 'need-living-situation',
  version: 1,
  title: 'Housing instability',
  condition: { kind: 'need', domain: 'living_situation' },
  problems: [
    {
      key: 'housing',
      source: { kind: 'need', domain: 'living_situation' },
      description: 'Housing instability or unsafe housing',
    },
  ],
  goals: [
    {
      key: 'housing-steady',
      problemKey: 'housing',
      description: 'Has a safe, steady place to recover',
      targetBy: days(30),
    },
  ],
  interventions: [
    {
      key: 'housing-referral',
      goalKey: 'housing-steady',
      description: 'Refer to housing services: shelter, rental assistance, housing navigation',
      owner: communityReferral('living_situation'),
      due: businessDays(1),
    },
    {
      key: 'housing-social-work',
      goalKey: 'housing-steady',
      description: 'Social work assessment of the housing and of a safe place to recover',
      owner: socialWork,
      due: businessDays(2),
    },
  ],
};

const interpersonalSafety: PlanTemplate = {
  templateId: 'need-interpersonal-safety',
  version: 1,
  title: 'Interpersonal safety',
  condition: { kind: 'need', domain: 'interpersonal_safety' },
  problems: [
    {
      key: 'safety',
      source: { kind: 'need', domain: 'interpersonal_safety' },
      description: 'Not safe at home',
    },
  ],
  goals: [
    {
      key: 'safety-plan',
      problemKey: 'safety',
      description: 'Has a safety plan and knows where to get help',
      targetBy: days(7),
    },
  ],
  interventions: [
    {
      key: 'safety-assessment',
      goalKey: 'safety-plan',
      description: 'Private safety assessment and safety plan with social work',
      owner: socialWork,
      due: businessDays(1),
    },
    {
      key: 'safety-advocacy-referral',
      goalKey: 'safety-plan',
      description: 'Referral to domestic-violence advocacy services, as the patient agrees',
      owner: communityReferral('interpersonal_safety'),
      due: businessDays(1),
    },
  ],
};

/** A template for each HRRP condition and each social-needs domain, used when a tenant has none. */
export const DEFAULT_PLAN_TEMPLATES: readonly PlanTemplate[] = [
  ami,
  heartFailure,
  pneumonia,
  copd,
  cabg,
  thaTka,
  livingSituation,
  food,
  transportation,
  utilities,
  interpersonalSafety,
];
