import type { RequestContext } from '../../core/audit.js';
import { fixedClock, isoDate, type Clock } from '../../core/clock.js';
import type { AiDocumentService } from '../ai-registry/ai-documents.service.js';
import type { AiClassificationService } from '../ai-registry/ai-classification.service.js';
import { addMonths } from '../ai-registry/ai-classification.rules.js';
import type { AiReviewService } from '../ai-registry/ai-review.service.js';
import type { AiSystemCreate, PublishableField } from '../ai-registry/ai-system.schema.js';
import type { AiSystemService } from '../ai-registry/ai-system.service.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { DemoOrganisation } from './demo-types.js';

/*
 * A few AI systems in the demo organisation's first country offices: verified months ago (so some
 * reviews are overdue and become actions for their owners), a high-risk system without a DPIA, one
 * awaiting verification, one not classified yet, and public systems that publish different fields.
 */

/** The register's services as they would have run on another day (the demo's history). */
export type AiRegistryAt = (clock: Clock) => {
  systems: AiSystemService;
  classifications: AiClassificationService;
};

export interface DemoAiServices {
  offices: OfficeService;
  people: PersonService;
  aiRegistryAt: AiRegistryAt;
  aiReviews: AiReviewService;
  aiDocuments: AiDocumentService;
}

interface DemoAiSystem {
  /** Index of the country office (in demo order) and of the person there who owns it. */
  office: number;
  system: Omit<AiSystemCreate, 'office_id' | 'business_owner_id'>;
  answers?: Record<string, boolean>;
  /** Months ago the classification was verified; null: submitted, not yet verified. */
  verifiedMonthsAgo?: number | null;
  /** A model card attached to the system (Markdown). */
  modelCard?: string;
}

const DESCRIPTION_ONLY: PublishableField[] = ['public_description', 'lifecycle', 'tier'];

const SYSTEMS: DemoAiSystem[] = [
  {
    office: 0,
    system: {
      name: 'Case intake chatbot',
      public_description: 'Answers questions from people who contact the office and books appointments.',
      purpose: 'Shorten waiting times at the helpline; staff take over any case the chatbot cannot answer.',
      provider: 'OpenAI',
      models: [{ name: 'GPT-4o', provider: 'OpenAI', general_purpose: true }],
      deployment: 'saas',
      lifecycle: 'production',
      affected_people: ['migrants_beneficiaries', 'public'],
      human_oversight: 'Caseworkers review every conversation flagged as a protection concern.',
      languages: ['en', 'fr', 'es', 'ar'],
      alternatives_considered: 'More helpline staff; a menu-based voice line (rejected: long waits).',
      risks_and_mitigations:
        'Wrong or overconfident answers: escalation to a caseworker on request and on protection keywords; ' +
        'personal data sent to the vendor: no case details asked, conversations deleted after 30 days.',
      personal_data: true,
      approval_status: 'approved_with_conditions',
      approval_conditions: 'No case decisions; conversations deleted after 30 days.',
      dpia_done: true,
      dpia_reference: 'DPIA-2025-014',
      usage_app_ids: ['chatgpt'],
      public: true,
    },
    answers: { 'ai.definition': true, 'art50.1': true },
    verifiedMonthsAgo: 14,
    modelCard: [
      '# Model card: Case intake chatbot',
      '',
      '- Model: GPT-4o (OpenAI), general-purpose, used through the vendor’s API.',
      '- Intended use: answer general questions about the office’s services and book appointments.',
      '- Out of scope: eligibility, status or protection decisions; legal advice.',
      '- Languages evaluated: English, French, Spanish, Arabic.',
      '- Known limits: may answer confidently when wrong; escalates to a caseworker on request.',
      '- Evaluation: 400 sample questions reviewed by caseworkers; 93% judged correct and safe.',
      '',
    ].join('\n'),
  },
  {
    office: 1,
    system: {
      name: 'Resettlement eligibility scoring',
      public_description: 'Ranks resettlement files by how urgently they need a caseworker’s review.',
      purpose: 'Prioritise the review of resettlement files.',
      provider: 'In-house data team',
      models: [{ name: 'Gradient-boosted trees', provider: null, general_purpose: false }],
      deployment: 'self_hosted',
      lifecycle: 'pilot',
      affected_people: ['migrants_beneficiaries'],
      decisions_informed: 'Order in which files are reviewed; never the decision itself.',
      human_oversight: 'A caseworker reviews every file, whatever its score.',
      languages: ['en'],
      alternatives_considered: 'First come, first served; manual triage by a senior caseworker.',
      risks_and_mitigations:
        'Bias against some nationalities: quarterly disparity checks; over-reliance: scores never shown ' +
        'next to the decision.',
      personal_data: true,
      approval_status: 'under_review',
      dpia_done: false,
    },
    answers: { 'ai.definition': true, 'annex3.5a': true },
    verifiedMonthsAgo: 8,
  },
  {
    office: 2,
    system: {
      name: 'CV screening assistant',
      public_description: 'Suggests a shortlist of applications for national staff vacancies.',
      purpose: 'Help hiring panels read large numbers of applications.',
      provider: 'TalentSoft',
      contract: 'PO-2026-0381',
      models: [{ name: 'TalentRank 3', provider: 'TalentSoft', general_purpose: false }],
      deployment: 'saas',
      lifecycle: 'production',
      affected_people: ['public'],
      human_oversight: 'The hiring panel reads every application; the shortlist is a suggestion.',
      languages: ['en', 'fr'],
      alternatives_considered: 'Panel reads every application without a shortlist.',
      risks_and_mitigations:
        'Discrimination in shortlisting: vendor bias audit and a panel that reads every application.',
      personal_data: true,
      approval_status: 'approved',
      dpia_done: true,
      dpia_reference: 'https://intranet.example.org/dpia/hr-cv-screening',
      public: true,
      public_fields: [
        'public_description',
        'purpose',
        'office_id',
        'business_owner_id',
        'lifecycle',
        'dpia_done',
        'tier',
        'next_review_date',
      ],
    },
    answers: { 'ai.definition': true, 'annex3.4a': true },
    verifiedMonthsAgo: 1,
  },
  {
    office: 0,
    system: {
      name: 'Document translation helper',
      public_description: 'Machine translation of public information leaflets, checked by staff.',
      provider: 'DeepL',
      languages: ['en', 'fr', 'es', 'ar', 'sw'],
      deployment: 'saas',
      lifecycle: 'production',
      affected_people: ['public'],
      approval_status: 'approved',
      usage_app_ids: ['deepl'],
      public: true,
      public_fields: DESCRIPTION_ONLY,
    },
    answers: { 'ai.definition': true },
    verifiedMonthsAgo: 3,
  },
  {
    office: 1,
    system: {
      name: 'Staff helpdesk assistant',
      public_description: 'Answers staff questions about IT and HR policies.',
      languages: ['en', 'fr'],
      deployment: 'embedded',
      lifecycle: 'pilot',
      affected_people: ['staff'],
    },
    answers: { 'ai.definition': true, 'art50.1': true },
    verifiedMonthsAgo: null,
  },
  {
    office: 2,
    system: {
      name: 'Document fraud detector',
      public_description: 'Flags identity documents that may have been altered.',
      risks_and_mitigations: 'False alarms on genuine documents: a flag only asks for a second look.',
      lifecycle: 'idea',
      affected_people: ['migrants_beneficiaries'],
    },
  },
];

/** Load the demo AI systems, then turn their overdue reviews into actions; returns how many systems. */
export async function loadDemoAiSystems(
  clock: Clock,
  services: DemoAiServices,
  ctx: RequestContext,
  demo: DemoOrganisation,
): Promise<number> {
  const offices = demo.offices.filter((office) => office.kind === 'country_office').slice(0, 3);
  const today = isoDate(clock.now());
  // Four eyes: a focal point submits, a governance officer verifies.
  const submitter: RequestContext = { ...ctx, actor: { ...ctx.actor, label: 'demo:focal-point' } };
  const reviewer: RequestContext = { ...ctx, actor: { ...ctx.actor, label: 'demo:governance-officer' } };
  for (const entry of SYSTEMS) {
    const office = offices[entry.office % offices.length]!;
    const officeId = (await services.offices.findByCode(ctx, office.code))?.id;
    if (!officeId) throw new Error(`demo AI systems: office ${office.code} is missing`);
    const owner = demo.people.find((person) => person.office_code === office.code);
    const ownerId = owner ? ((await services.people.findByEmail(ctx, owner.email))?.id ?? null) : null;
    const months = entry.verifiedMonthsAgo ?? 0;
    const at = months > 0 ? fixedClock(`${addMonths(today, -months)}T09:00:00.000Z`) : clock;
    const { systems, classifications } = services.aiRegistryAt(at);
    const system = await systems.create(ctx, {
      countries: [office.country_code],
      ...entry.system,
      office_id: officeId,
      business_owner_id: ownerId,
    });
    if (entry.modelCard)
      await services.aiDocuments.attach(ctx, system.id, 'model_card', {
        bytes: Buffer.from(entry.modelCard),
        name: 'model-card.md',
      });
    if (!entry.answers) continue;
    const draft = await classifications.create(submitter, system.id, {
      role: 'deployer',
      answers: entry.answers,
    });
    const submitted = await classifications.submit(submitter, system.id, draft.number, draft.version);
    if (entry.verifiedMonthsAgo === null) continue;
    const reviewing = await classifications.startReview(reviewer, system.id, draft.number, submitted.version);
    await classifications.verify(reviewer, system.id, draft.number, {
      version: reviewing.version,
      comments: 'Checked against the questionnaire and the system’s documentation.',
    });
  }
  await services.aiReviews.check(ctx);
  return SYSTEMS.length;
}
