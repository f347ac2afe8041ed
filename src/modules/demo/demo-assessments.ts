import type { RequestContext } from '../../core/audit.js';
import type { AssessmentFindingService } from '../assessments/assessment-findings.service.js';
import type { AssessmentService } from '../assessments/assessments.service.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { OfficeService } from '../org/office.service.js';
import type { DemoOrganisation } from './demo-types.js';

export interface DemoAssessmentServices {
  offices: OfficeService;
  assets: AssetService;
  assessments: AssessmentService;
  assessmentFindings: AssessmentFindingService;
}

/* Evidence files of the demo DPIA: small text files, as a data protection focal point would attach. */
const DATA_FLOW = `# Beneficiary registration: data flow

1. Registration teams collect identity, household and vulnerability data on tablets (offline).
2. Tablets synchronise daily over an encrypted connection to the registration database.
3. Case workers see only the households of their area; finance sees payment fields only.
4. Monthly aggregated figures (no names) are shared with the cluster.
`;
const RETENTION = `record,retention,after retention
registration record,5 years after the last assistance,anonymised
biometric template,until deregistration,deleted
tablet copy,until the next synchronisation,deleted
backup copy,not defined,not defined
`;

/**
 * Two assessments in the demo organisation's first country office: a completed DPIA of the
 * beneficiary registration database (answers, evidence, findings) and an AI impact assessment of
 * a chatbot still in draft. Written through the services, so they are audited like any other.
 */
export async function loadDemoAssessments(
  services: DemoAssessmentServices,
  ctx: RequestContext,
  demo: DemoOrganisation,
): Promise<number> {
  const officeCode = demo.offices.find((o) => o.kind === 'country_office')?.code;
  const office = officeCode ? await services.offices.findByCode(ctx, officeCode) : undefined;
  if (!office) return 0;
  const registration = (
    await services.assets.list(ctx, { q: 'registration', office_id: office.id, limit: 1 })
  ).items[0];

  let dpia = await services.assessments.create(ctx, {
    template_id: 'dpia',
    title: 'DPIA: beneficiary registration database',
    ...(registration
      ? { subject_kind: 'asset' as const, subject_id: registration.id, office_id: office.id }
      : {
          subject_kind: 'text' as const,
          subject_text: 'Beneficiary registration database',
          office_id: office.id,
        }),
  });
  dpia = await services.assessments.saveAnswers(ctx, dpia.id, {
    version: dpia.version,
    answers: {
      purpose:
        'Register displaced households to deliver cash and in-kind assistance and avoid duplicate assistance.',
      data_categories:
        'Names, dates of birth, household composition, location, phone numbers, vulnerability criteria.',
      special_categories: 'yes',
      data_subjects: 'Displaced households in the area of operation: about 40,000 people.',
      recipients:
        'Registration and case workers; finance (payment fields); cluster partners receive aggregates only.',
      legal_basis: 'vital_interest',
      minimisation: 'yes',
      retention: 'Five years after the last assistance, then anonymised; backup copies have no period yet.',
      information: 'no',
      rights: 'Help desks at distribution sites and a hotline; requests logged and answered within 30 days.',
      harm: 'Disclosure could expose people to persecution, exploitation or exclusion from assistance.',
      likelihood: 2,
      severity: 5,
      security: 'Role-based access, encryption at rest and in transit, daily encrypted backups.',
      processors: 'yes',
      residual_risk: 'medium',
      dpo_opinion: 'The processing may go ahead once the findings below are treated.',
    },
  });
  await services.assessments.addEvidence(ctx, dpia.id, 'recipients', {
    bytes: Buffer.from(DATA_FLOW),
    name: 'data-flow.md',
  });
  await services.assessments.addEvidence(ctx, dpia.id, 'retention', {
    bytes: Buffer.from(RETENTION),
    name: 'retention-schedule.csv',
  });
  await services.assessmentFindings.add(ctx, dpia.id, {
    title: 'Backup copies have no retention period',
    severity: 'high',
    question_id: 'retention',
    recommendation: 'Set a retention period for backups and delete them on schedule.',
  });
  await services.assessmentFindings.add(ctx, dpia.id, {
    title: 'Privacy notice only in English',
    severity: 'medium',
    question_id: 'information',
    recommendation: 'Translate the notice into the local languages and read it out at registration.',
  });
  const current = await services.assessments.get(ctx, dpia.id);
  const review = await services.assessments.update(ctx, dpia.id, {
    version: current.version,
    status: 'in_review',
  });
  await services.assessments.complete(ctx, dpia.id, review.version);

  const ai = await services.assessments.create(ctx, {
    template_id: 'ai-impact',
    title: 'AI impact: chatbot answering migrants’ questions',
    subject_kind: 'text',
    subject_text: 'Chatbot answering frequently asked questions about assistance',
    office_id: office.id,
  });
  await services.assessments.saveAnswers(ctx, ai.id, {
    version: ai.version,
    answers: {
      process_description:
        'The chatbot answers questions on registration and assistance on a messaging channel.',
      decisions: 'none',
      intended_purpose: 'yes',
      period_of_use: 'A twelve-month pilot.',
      frequency: 'continuous',
      affected_categories: 'Migrants and displaced people who write to the help line, including minors.',
      vulnerable_groups: 'yes',
    },
  });
  await services.assessmentFindings.add(ctx, ai.id, {
    title: 'No way to reach a person from the chatbot',
    severity: 'medium',
    question_id: 'complaints',
    recommendation: 'Offer a hand-over to the hotline in every conversation.',
  });
  return 2;
}
