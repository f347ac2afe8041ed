import type { RequestContext } from '../../core/audit.js';
import { Prng } from '../../core/prng.js';
import type { AiSystemService } from '../ai-registry/ai-system.service.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { RiskTreatmentService } from '../risks/risk-treatment.service.js';
import type { RiskCategory, Treatment } from '../risks/risk.schema.js';
import type { RiskService } from '../risks/risk.service.js';
import type { DemoOrganisation } from './demo-types.js';

/*
 * The demo organisation's risk register: about forty realistic risks across offices and categories,
 * linked to the offices' data assets (and AI systems, when the register holds some), with treatment
 * actions (some overdue), reviews (some due) and a few acceptances signed off by a second person.
 */

interface RiskTemplate {
  title: string;
  category: RiskCategory;
  cause: string;
  consequence: string;
  controls: string;
  inherent: [number, number];
  residual?: [number, number];
  treatment: Treatment;
  actions: string[];
  apps?: string[];
}

const TEMPLATES: readonly RiskTemplate[] = [
  {
    title: 'Beneficiary lists shared by personal e-mail',
    category: 'data_protection',
    cause: 'Staff forward registration lists to partners from personal accounts',
    consequence: 'Personal data of displaced people exposed outside the organisation',
    controls: 'Data sharing guidance; annual training',
    inherent: [4, 5],
    residual: [3, 4],
    treatment: 'mitigate',
    actions: ['Set up a secure file transfer for partners', 'Block auto-forwarding to personal domains'],
  },
  {
    title: 'No data sharing agreement with an implementing partner',
    category: 'compliance',
    cause: 'Partner onboarded under emergency procedures',
    consequence: 'Unclear purpose limitation and retention for shared case data',
    controls: 'Template agreement available',
    inherent: [3, 4],
    residual: [2, 4],
    treatment: 'mitigate',
    actions: ['Sign the data sharing agreement'],
  },
  {
    title: 'Generative AI used to summarise protection cases',
    category: 'ai',
    cause: 'Caseworkers paste case notes into public chatbots',
    consequence: 'Special-category data leaves the organisation; inaccurate summaries',
    controls: 'AI acceptable-use note',
    inherent: [4, 5],
    residual: [3, 3],
    treatment: 'mitigate',
    actions: [
      'Offer an approved assistant with data protection terms',
      'Brief caseworkers on the AI use policy',
    ],
    apps: ['chatgpt'],
  },
  {
    title: 'Translation tool processes interview transcripts',
    category: 'ai',
    cause: 'Free online translation used for asylum interview notes',
    consequence: 'Transcripts stored by the provider; mistranslation affects decisions',
    controls: 'None',
    inherent: [3, 4],
    treatment: 'avoid',
    actions: ['Move translation to the approved tool'],
    apps: ['deepl'],
  },
  {
    title: 'Unpatched file server in the field office',
    category: 'information_security',
    cause: 'No local IT support since the last rotation',
    consequence: 'Ransomware could encrypt case files',
    controls: 'Nightly backup to HQ',
    inherent: [4, 4],
    residual: [2, 4],
    treatment: 'mitigate',
    actions: ['Apply outstanding security updates', 'Enrol the server in central patching'],
  },
  {
    title: 'Shared administrator password for the registration database',
    category: 'information_security',
    cause: 'Legacy system without individual accounts',
    consequence: 'Changes cannot be traced to a person; leavers keep access',
    controls: 'Password rotated quarterly',
    inherent: [3, 4],
    residual: [3, 3],
    treatment: 'accept',
    actions: [],
  },
  {
    title: 'Backups never tested by a restore',
    category: 'operational',
    cause: 'Backup jobs report success but restores were never tried',
    consequence: 'Data could be lost after an incident',
    controls: 'Backup monitoring',
    inherent: [3, 5],
    residual: [2, 3],
    treatment: 'mitigate',
    actions: ['Run a restore test and record the result'],
  },
  {
    title: 'Paper registration forms stored unlocked',
    category: 'data_protection',
    cause: 'No lockable cabinet in the reception area',
    consequence: 'Forms with names and phone numbers visible to visitors',
    controls: 'Clean desk reminder',
    inherent: [4, 3],
    residual: [2, 2],
    treatment: 'mitigate',
    actions: ['Buy lockable cabinets', 'Digitise and shred forms older than 3 months'],
  },
  {
    title: 'Retention periods not applied to closed cases',
    category: 'compliance',
    cause: 'No owner for deleting closed case files',
    consequence: 'Personal data kept longer than necessary',
    controls: 'Retention schedule published',
    inherent: [4, 3],
    residual: [3, 3],
    treatment: 'mitigate',
    actions: ['Assign a retention owner and delete expired files'],
  },
  {
    title: 'Public report could identify small groups',
    category: 'reputational',
    cause: 'Counts by site and nationality published without suppression',
    consequence: 'Individuals in small groups re-identified by the public',
    controls: 'Peer review of publications',
    inherent: [2, 5],
    residual: [1, 4],
    treatment: 'mitigate',
    actions: ['Apply small-cell suppression before publishing'],
  },
  {
    title: 'Chatbot answers beneficiaries without human review',
    category: 'ai',
    cause: 'Pilot chatbot deployed on the hotline',
    consequence: 'Wrong information on eligibility given to vulnerable people',
    controls: 'Scripted answers for top questions',
    inherent: [3, 4],
    residual: [2, 3],
    treatment: 'mitigate',
    actions: ['Add a hand-over to a human operator', 'Review a sample of conversations each month'],
  },
  {
    title: 'Laptops without disk encryption',
    category: 'information_security',
    cause: 'Older laptops imaged before the encryption baseline',
    consequence: 'Data on a lost or stolen laptop is readable',
    controls: 'Asset register',
    inherent: [3, 4],
    residual: [1, 4],
    treatment: 'mitigate',
    actions: ['Encrypt the remaining laptops'],
  },
  {
    title: 'Cloud survey tool hosted outside approved regions',
    category: 'compliance',
    cause: 'Free tier chosen for a rapid assessment',
    consequence: 'Transfer of personal data without safeguards',
    controls: 'None',
    inherent: [3, 3],
    treatment: 'transfer',
    actions: ['Move the survey to the corporate account with a data processing agreement'],
  },
  {
    title: 'Single staff member knows the payroll process',
    category: 'operational',
    cause: 'No documented procedure or backup person',
    consequence: 'Salaries delayed when the person is absent',
    controls: 'Partial notes',
    inherent: [3, 3],
    residual: [2, 2],
    treatment: 'mitigate',
    actions: ['Document the payroll procedure', 'Train a backup person'],
  },
  {
    title: 'Photos of beneficiaries posted on social media',
    category: 'reputational',
    cause: 'Consent not recorded for communication photos',
    consequence: 'Harm to people photographed and loss of trust',
    controls: 'Communication guidelines',
    inherent: [3, 4],
    residual: [2, 3],
    treatment: 'mitigate',
    actions: ['Introduce a consent form for photos'],
  },
  {
    title: 'Biometric enrolment without a DPIA',
    category: 'data_protection',
    cause: 'Donor requirement introduced at short notice',
    consequence: 'High-risk processing without assessed safeguards',
    controls: 'Vendor security questionnaire',
    inherent: [3, 5],
    residual: [2, 4],
    treatment: 'mitigate',
    actions: ['Complete the data protection impact assessment'],
  },
  {
    title: 'Internet outage stops cash distribution',
    category: 'operational',
    cause: 'Single connection for the distribution site',
    consequence: 'People wait for days for assistance',
    controls: 'Offline lists printed',
    inherent: [3, 3],
    residual: [2, 3],
    treatment: 'accept',
    actions: [],
  },
  {
    title: 'Vendor model used to rank applicants for assistance',
    category: 'ai',
    cause: 'Scoring model bought with a donor project',
    consequence: 'Unexplained, possibly biased exclusion of eligible people',
    controls: 'Caseworker decides final list',
    inherent: [3, 5],
    residual: [3, 4],
    treatment: 'mitigate',
    actions: ['Test the model for bias on last year’s data', 'Publish how the ranking is used'],
  },
  {
    title: 'Phishing of finance staff',
    category: 'information_security',
    cause: 'Targeted e-mails imitating suppliers',
    consequence: 'Fraudulent payments',
    controls: 'Two signatures on payments',
    inherent: [4, 4],
    residual: [2, 3],
    treatment: 'mitigate',
    actions: ['Run a phishing simulation', 'Verify supplier bank changes by phone'],
  },
  {
    title: 'Audit trail disabled on the case management system',
    category: 'compliance',
    cause: 'Logging switched off to improve performance',
    consequence: 'Access to case files cannot be reviewed',
    controls: 'None',
    inherent: [2, 4],
    residual: [1, 3],
    treatment: 'mitigate',
    actions: ['Re-enable logging with rotation'],
  },
];

/** A planned risk: which office, which template, and how far along it is. */
export interface DemoRiskPlan {
  office_code: string;
  owner_email: string | null;
  template: RiskTemplate;
  status: 'open' | 'in_treatment' | 'closed';
  /** Days from today of the next review (negative: due). */
  review_in_days: number;
  /** Days from today of each treatment's due date (negative: overdue). */
  due_in_days: number[];
  accept: boolean;
}

function shiftDate(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** About forty risks, spread over the offices and the categories; the same seed plans the same risks. */
export function buildDemoRisks(org: DemoOrganisation, seed: number): DemoRiskPlan[] {
  const prng = new Prng(seed + 7001);
  const offices = org.offices.filter((office, i) => office.kind === 'hq_department' || i % 2 === 0);
  const plans: DemoRiskPlan[] = [];
  for (let n = 0; n < 40; n += 1) {
    const office = offices[n % offices.length] ?? prng.pick(org.offices);
    const template = TEMPLATES[(n * 7 + prng.int(0, 2)) % TEMPLATES.length] ?? prng.pick(TEMPLATES);
    const staff = org.people.filter((person) => person.office_code === office.code);
    const status = prng.weighted<DemoRiskPlan['status']>([
      ['open', 4],
      ['in_treatment', 5],
      ['closed', 1],
    ]);
    plans.push({
      office_code: office.code,
      owner_email: staff[0]?.email ?? null,
      template,
      status,
      review_in_days: prng.int(-30, 300),
      due_in_days: template.actions.map(() => prng.int(-45, 120)),
      accept: template.treatment === 'accept' && status !== 'closed',
    });
  }
  return plans;
}

export interface DemoRiskServices {
  offices: OfficeService;
  people: PersonService;
  assets: AssetService;
  aiSystems: AiSystemService;
  risks: RiskService;
  riskTreatments: RiskTreatmentService;
}

/**
 * Record the planned risks through the risk services (rules and audit as for anyone), with their
 * treatments; the risks to accept are signed off by a second, named demo actor (four-eyes).
 */
export async function loadDemoRisks(
  services: DemoRiskServices,
  ctx: RequestContext,
  plans: readonly DemoRiskPlan[],
  today: string,
): Promise<number> {
  const signer: RequestContext = {
    ...ctx,
    actor: { ...ctx.actor, label: 'demo-governance-officer', personId: null },
  };
  for (const plan of plans) {
    const office = await services.offices.findByCode(ctx, plan.office_code);
    if (!office) continue;
    const owner = plan.owner_email ? await services.people.findByEmail(ctx, plan.owner_email) : undefined;
    const assets = await services.assets.list(ctx, { office_id: office.id, limit: 2 });
    const systems = await services.aiSystems.list(ctx, { office_id: office.id, limit: 1 });
    const { template: tpl } = plan;
    const risk = await services.risks.create(ctx, {
      title: tpl.title,
      category: tpl.category,
      description: `${tpl.cause}. ${tpl.consequence}.`,
      cause: tpl.cause,
      consequence: tpl.consequence,
      office_id: office.id,
      owner_person_id: owner?.id ?? null,
      inherent_likelihood: tpl.inherent[0],
      inherent_impact: tpl.inherent[1],
      existing_controls: tpl.controls,
      residual_likelihood: tpl.residual?.[0] ?? null,
      residual_impact: tpl.residual?.[1] ?? null,
      treatment: tpl.treatment,
      status: plan.status,
      next_review_date: shiftDate(today, plan.review_in_days),
      asset_ids: assets.items.slice(0, tpl.category === 'ai' ? 1 : 2).map((asset) => asset.id),
      ai_system_ids: tpl.category === 'ai' ? systems.items.map((system) => system.id) : [],
      usage_app_ids: tpl.apps ?? [],
    });
    for (const [i, description] of tpl.actions.entries())
      await services.riskTreatments.add(ctx, risk.id, {
        description,
        owner_person_id: owner?.id ?? null,
        due_date: shiftDate(today, plan.due_in_days[i] ?? 30),
        status: plan.status === 'closed' ? 'done' : 'planned',
      });
    if (plan.accept)
      await services.risks.accept(signer, risk.id, {
        version: risk.version,
        justification: 'Residual risk within appetite; the cost of further controls outweighs the benefit.',
        expires_on: shiftDate(today, 180),
      });
  }
  return plans.length;
}
