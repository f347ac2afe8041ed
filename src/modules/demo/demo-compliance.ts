import type { RequestContext } from '../../core/audit.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import type { EvidenceLink, RequirementStatus } from '../compliance/compliance.schema.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { RiskCategory } from '../risks/risk.schema.js';
import type { RiskService } from '../risks/risk.service.js';
import type { DemoOrganisation } from './demo-types.js';

/*
 * The demo organisation's compliance assessments: the EU AI Act for the whole organisation, about
 * half done, and the GDPR for the Senegal country office (the office the demo office focal point
 * covers), just started. Written by hand so the notes read like a real review; the links point to
 * the fictional intranet.
 *
 * Once the risk register is loaded, some requirements are linked to the risks behind their gaps (the
 * register's risks for the organisation-wide review; risks the review itself raised in Senegal, the
 * only ones the office's focal point sees), and a few get small evidence files (Markdown or CSV
 * extracts), uploaded through the compliance service as the web upload does.
 */

/** A small synthetic evidence document, uploaded as the requirement's evidence file. */
export interface DemoEvidenceFile {
  name: string;
  content: string;
}

/** A risk the review raised in the assessment's office, recorded in the register and linked. */
export interface DemoRaisedRisk {
  title: string;
  category: RiskCategory;
  cause: string;
  consequence: string;
  /** Likelihood and impact, 1–5. */
  inherent: [number, number];
}

export interface DemoRequirement {
  id: string;
  status: RequirementStatus;
  notes?: string;
  reason?: string;
  evidence?: EvidenceLink[];
  /** Titles of register risks to link (each title: up to two of the risks bearing it). */
  risks?: string[];
  /** Risks the review raised in the assessment's office, linked once recorded. */
  raises?: DemoRaisedRisk[];
  files?: DemoEvidenceFile[];
}

export interface DemoAssessment {
  framework_id: string;
  title: string;
  /** null: the whole organisation. */
  office_code: string | null;
  /** Whose assessment it is: the head of this office, or its focal point. */
  owner: { office_code: string; who: 'head' | 'focal_point' };
  requirements: DemoRequirement[];
}

const INTRANET = 'https://intranet.example.org';
const link = (path: string, title: string): EvidenceLink => ({
  kind: 'url',
  url: `${INTRANET}${path}`,
  title,
});

export const DEMO_ASSESSMENTS: readonly DemoAssessment[] = [
  {
    framework_id: 'eu-ai-act',
    title: 'EU AI Act readiness 2026',
    office_code: null,
    owner: { office_code: 'HQ-DPO', who: 'head' },
    requirements: [
      {
        id: 'eu-ai-act.art-4',
        status: 'partial',
        notes: 'AI literacy course live for HQ staff; country offices follow in the next roll-out wave.',
        evidence: [
          link('/learning/ai-literacy', 'AI literacy course'),
          link('/policies/ai-use', 'Policy on the use of AI'),
        ],
        risks: [
          'Generative AI used to summarise protection cases',
          'Translation tool processes interview transcripts',
        ],
        files: [
          {
            name: 'ai-literacy-completion-2026-q3.csv',
            content: [
              'office,staff_in_scope,completed,completion_rate',
              'HQ-DPO,14,14,100%',
              'HQ-ICT,38,35,92%',
              'HQ-PRG,52,41,79%',
              'HQ-PRT,27,19,70%',
              'Country offices,1840,0,0%',
              '',
            ].join('\n'),
          },
        ],
      },
      {
        id: 'eu-ai-act.art-5',
        status: 'met',
        notes: 'Every AI system in the register was checked against the prohibited practices; none found.',
        evidence: [link('/ai-register', 'AI systems register')],
        files: [
          {
            name: 'prohibited-practices-screening.md',
            content: [
              '# Screening of the AI systems register against Article 5',
              '',
              'Reviewed by the Data Protection Office, September 2026.',
              '',
              '| Practice (Art. 5(1)) | Systems checked | Found |',
              '| --- | --- | --- |',
              '| (a) Manipulative or deceptive techniques | all | none |',
              '| (b) Exploiting vulnerabilities | all | none |',
              '| (c) Social scoring | all | none |',
              '| (f) Emotion recognition at work | all | none |',
              '| (g) Biometric categorisation | all | none |',
              '',
              'The beneficiary ranking model was looked at twice for (b) and (c): it ranks applications',
              'for a caseworker, who decides; it is not used to score people’s social behaviour.',
              '',
            ].join('\n'),
          },
        ],
      },
      {
        id: 'eu-ai-act.art-6',
        status: 'met',
        notes: 'Each registered system has a verified classification (four-eyes review in Custos).',
      },
      {
        id: 'eu-ai-act.art-9',
        status: 'not_applicable',
        reason: 'The organisation deploys but does not provide high-risk AI systems.',
      },
      {
        id: 'eu-ai-act.art-14',
        status: 'partial',
        notes: 'Human review is documented for beneficiary targeting tools; not yet for HR screening.',
        risks: ['Chatbot answers beneficiaries without human review'],
      },
      { id: 'eu-ai-act.art-16', status: 'not_applicable', reason: 'Not a provider of high-risk AI systems.' },
      { id: 'eu-ai-act.art-17', status: 'not_applicable', reason: 'Not a provider of high-risk AI systems.' },
      {
        id: 'eu-ai-act.art-26',
        status: 'partial',
        notes: 'Deployer duties assigned to system owners; log retention still to agree with ICT.',
        evidence: [link('/policies/ai-deployer-duties', 'Deployer duties checklist')],
      },
      {
        id: 'eu-ai-act.art-27',
        status: 'not_met',
        notes: 'No fundamental rights impact assessment done yet for the cash eligibility model.',
        risks: ['Vendor model used to rank applicants for assistance'],
      },
      {
        id: 'eu-ai-act.art-50',
        status: 'met',
        notes: 'Chatbots say they are AI; generated images in public reports are labelled.',
        evidence: [link('/comms/ai-labelling', 'Labelling guidance for AI-generated content')],
        risks: ['Chatbot answers beneficiaries without human review'],
      },
      {
        id: 'eu-ai-act.art-51',
        status: 'not_applicable',
        reason: 'The organisation trains no general-purpose AI model.',
      },
      {
        id: 'eu-ai-act.art-53',
        status: 'not_applicable',
        reason: 'The organisation trains no general-purpose AI model.',
      },
      { id: 'eu-ai-act.art-73', status: 'not_met', notes: 'No incident reporting route for AI systems yet.' },
      {
        id: 'eu-ai-act.art-86',
        status: 'partial',
        notes: 'Explanations given on request for eligibility decisions; no written procedure.',
        risks: ['Vendor model used to rank applicants for assistance'],
      },
      {
        id: 'eu-ai-act.annex-iii.7',
        status: 'met',
        notes: 'No system assists migration or asylum decisions for public authorities.',
      },
    ],
  },
  {
    framework_id: 'gdpr',
    title: 'GDPR benchmark, Senegal',
    office_code: 'CO-SN',
    owner: { office_code: 'CO-SN', who: 'focal_point' },
    requirements: [
      {
        id: 'gdpr.art-5',
        status: 'partial',
        notes: 'Purposes recorded for registration data; retention periods missing for two datasets.',
      },
      {
        id: 'gdpr.art-6',
        status: 'met',
        notes: 'Lawful bases recorded in the data inventory for every dataset.',
      },
      {
        id: 'gdpr.art-13',
        status: 'partial',
        notes: 'Privacy notice read out at registration; not yet translated into Wolof.',
        evidence: [link('/sn/privacy-notice', 'Privacy notice (French)')],
        files: [
          {
            name: 'privacy-notice-registration-extract.md',
            content: [
              '# Privacy notice read at registration (extract, English working copy)',
              '',
              '- **Who we are:** the Senegal country office, Dakar.',
              '- **Why we ask:** to register you for assistance and to contact you about it.',
              '- **Who sees it:** our registration team and, for cash assistance, the payment partner.',
              '- **How long:** three years after your case is closed.',
              '- **Your rights:** ask to see or correct your data at any distribution point.',
              '',
              'To do: Wolof translation, and a printed copy at each site.',
              '',
            ].join('\n'),
          },
        ],
      },
      {
        id: 'gdpr.art-15',
        status: 'not_met',
        notes: 'No procedure to answer access requests.',
        raises: [
          {
            title: 'Access requests from registered people go unanswered',
            category: 'compliance',
            cause: 'No procedure or contact point for subject access requests',
            consequence: 'People cannot see or correct their data; complaints to the authority',
            inherent: [3, 3],
          },
        ],
      },
      {
        id: 'gdpr.art-20',
        status: 'not_applicable',
        reason: 'No processing based on consent or contract by automated means.',
      },
      {
        id: 'gdpr.art-30',
        status: 'met',
        notes: 'The office data inventory serves as its record of processing.',
        evidence: [link('/sn/data-inventory', 'Senegal data inventory')],
        files: [
          {
            name: 'records-of-processing-CO-SN.csv',
            content: [
              'activity,purpose,lawful_basis,data_subjects,retention',
              'Registration,Eligibility for assistance,Vital interests,Displaced people,3 years after closure',
              'Cash distribution,Payment of assistance,Public interest,Beneficiaries,7 years (audit)',
              'Hotline,Answering questions and complaints,Public interest,Callers,1 year',
              'Staff files,Employment,Contract,Staff,6 years after departure',
              '',
            ].join('\n'),
          },
        ],
      },
      {
        id: 'gdpr.art-32',
        status: 'partial',
        notes: 'Encrypted laptops; shared drive access not reviewed since 2025.',
        raises: [
          {
            title: 'Shared drive access not reviewed since 2025',
            category: 'information_security',
            cause: 'No periodic review of who can open the office shared drive',
            consequence: 'Former staff and partners may still read registration files',
            inherent: [3, 4],
          },
        ],
      },
    ],
  },
];

export interface DemoComplianceServices {
  offices: OfficeService;
  people: PersonService;
  compliance: ComplianceService;
}

/** The assessments the loader wrote: their id and scope, by title. */
export type DemoAssessmentIds = Map<string, { id: string; officeId: string | null }>;

/** Write the demo assessments through the compliance service (rules and audit as for any change). */
export async function loadDemoCompliance(
  deps: ServiceDeps,
  services: DemoComplianceServices,
  ctx: RequestContext,
  demo: DemoOrganisation,
): Promise<DemoAssessmentIds> {
  const plans: { plan: DemoAssessment; officeId: string | null; ownerId: string | null }[] = [];
  for (const plan of DEMO_ASSESSMENTS) {
    const office = plan.office_code ? await services.offices.findByCode(ctx, plan.office_code) : null;
    if (plan.office_code && !office)
      throw new Error(`demo compliance refers to an unknown office ${plan.office_code}`);
    const staff = demo.people.filter((person) => person.office_code === plan.owner.office_code);
    const holder =
      plan.owner.who === 'head' ? staff[0] : staff.find((p) => p.governance_roles.includes('focal_point'));
    const owner = holder ? await services.people.findByEmail(ctx, holder.email) : undefined;
    plans.push({ plan, officeId: office?.id ?? null, ownerId: owner?.id ?? null });
  }
  const written: DemoAssessmentIds = new Map();
  await inTransaction(deps, ctx, async (trx, audit) => {
    for (const { plan, officeId, ownerId } of plans) {
      const assessment = await services.compliance.createIn(trx, audit, ctx, {
        framework_id: plan.framework_id,
        title: plan.title,
        office_id: officeId,
        owner_id: ownerId,
      });
      written.set(plan.title, { id: assessment.id, officeId });
      for (const requirement of plan.requirements)
        await services.compliance.setRequirementIn(trx, audit, ctx, assessment.id, requirement.id, {
          status: requirement.status,
          notes: requirement.notes ?? null,
          not_applicable_reason: requirement.reason ?? null,
          evidence: requirement.evidence ?? [],
          version: 0,
        });
    }
  });
  return written;
}

export interface DemoComplianceLinkServices {
  compliance: ComplianceService;
  risks: RiskService;
}

/** How many register risks bearing one title a requirement links (the register repeats titles by office). */
const RISKS_PER_TITLE = 2;

/**
 * Once the risk register is loaded: link the demo requirements to their risks (raising the office's own
 * where the plan says so) and upload their evidence files, through the compliance and risk services.
 */
export async function linkDemoCompliance(
  services: DemoComplianceLinkServices,
  ctx: RequestContext,
  written: DemoAssessmentIds,
): Promise<{ risk_links: number; files: number }> {
  let riskLinks = 0;
  let files = 0;
  for (const plan of DEMO_ASSESSMENTS) {
    const assessment = written.get(plan.title);
    if (!assessment) continue;
    for (const requirement of plan.requirements) {
      const riskIds: string[] = [];
      for (const title of requirement.risks ?? []) {
        const found = await services.risks.list(ctx, {
          q: title,
          sort: 'title',
          limit: 20,
          ...(assessment.officeId ? { office_id: assessment.officeId } : {}),
        });
        const same = found.items.filter((risk) => risk.title === title && !riskIds.includes(risk.id));
        riskIds.push(...same.slice(0, RISKS_PER_TITLE).map((risk) => risk.id));
      }
      for (const raised of requirement.raises ?? []) {
        if (!assessment.officeId) throw new Error(`demo compliance raises ${raised.title} with no office`);
        const risk = await services.risks.createFromFinding(ctx, {
          title: raised.title,
          description: `${raised.cause}. ${raised.consequence}.`,
          category: raised.category,
          office_id: assessment.officeId,
          likelihood: raised.inherent[0],
          impact: raised.inherent[1],
          source: `compliance:${assessment.id}`,
        });
        riskIds.push(risk.id);
      }
      for (const file of requirement.files ?? []) {
        await services.compliance.addEvidenceFile(ctx, assessment.id, requirement.id, {
          bytes: Buffer.from(file.content, 'utf8'),
          name: file.name,
        });
        files += 1;
      }
      if (riskIds.length === 0) continue;
      const current = (await services.compliance.get(ctx, assessment.id)).requirements.find(
        (r) => r.requirement_id === requirement.id,
      );
      await services.compliance.setRequirement(ctx, assessment.id, requirement.id, {
        risk_ids: riskIds,
        version: current?.version ?? 0,
      });
      riskLinks += riskIds.length;
    }
  }
  return { risk_links: riskLinks, files };
}
