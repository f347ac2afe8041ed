import type { RequestContext } from '../../core/audit.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import type { EvidenceLink, RequirementStatus } from '../compliance/compliance.schema.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { DemoOrganisation } from './demo-types.js';

/*
 * The demo organisation's compliance assessments: the EU AI Act for the whole organisation, about
 * half done, and the GDPR for the Senegal country office (the office the demo office focal point
 * covers), just started. Written by hand so the notes read like a real review; the links point to
 * the fictional intranet.
 */

export interface DemoRequirement {
  id: string;
  status: RequirementStatus;
  notes?: string;
  reason?: string;
  evidence?: EvidenceLink[];
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
      },
      {
        id: 'eu-ai-act.art-5',
        status: 'met',
        notes: 'Every AI system in the register was checked against the prohibited practices; none found.',
        evidence: [link('/ai-register', 'AI systems register')],
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
      },
      {
        id: 'eu-ai-act.art-50',
        status: 'met',
        notes: 'Chatbots say they are AI; generated images in public reports are labelled.',
        evidence: [link('/comms/ai-labelling', 'Labelling guidance for AI-generated content')],
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
      },
      { id: 'gdpr.art-15', status: 'not_met', notes: 'No procedure to answer access requests.' },
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
      },
      {
        id: 'gdpr.art-32',
        status: 'partial',
        notes: 'Encrypted laptops; shared drive access not reviewed since 2025.',
      },
    ],
  },
];

export interface DemoComplianceServices {
  offices: OfficeService;
  people: PersonService;
  compliance: ComplianceService;
}

/** Write the demo assessments through the compliance service (rules and audit as for any change). */
export async function loadDemoCompliance(
  deps: ServiceDeps,
  services: DemoComplianceServices,
  ctx: RequestContext,
  demo: DemoOrganisation,
): Promise<void> {
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
  await inTransaction(deps, ctx, async (trx, audit) => {
    for (const { plan, officeId, ownerId } of plans) {
      const assessment = await services.compliance.createIn(trx, audit, ctx, {
        framework_id: plan.framework_id,
        title: plan.title,
        office_id: officeId,
        owner_id: ownerId,
      });
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
}
