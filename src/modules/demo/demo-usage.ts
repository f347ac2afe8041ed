import type { RequestContext } from '../../core/audit.js';
import type { AiSystemService } from '../ai-registry/ai-system.service.js';
import type { UsageIngestService } from '../ai-usage/usage-ingest.service.js';

/*
 * The demo's AI usage: an AI system of the registry that approves DeepL (so DeepL's status comes from
 * the registry), and, when a pseudonymisation key is configured, two weeks of proxy log for one
 * department in which twelve people use ChatGPT (not reviewed, high risk: more than the default ten
 * users, so an alert opens an action) and six use DeepL (approved: no alert).
 */

export interface DemoUsageServices {
  aiSystems: AiSystemService;
  usageIngest: UsageIngestService;
}

export interface DemoUsageResult {
  /** The registry system that approves DeepL. */
  ai_system: string;
  /** Whether the demo log was ingested (it needs CUSTOS_USAGE_KEY). */
  ingested: boolean;
  /** Actions opened by the usage alerts. */
  alert_actions: number;
}

export const DEMO_AI_SYSTEM = 'DeepL Pro for document translation';
const DAYS = 14;

/** A CSV proxy log over the DAYS days before `today`, for one department of one office. */
export function demoUsageLog(today: Date, department: string, office: string): string {
  const lines = ['time,user,host,bytes_out,bytes_in,department,office'];
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - DAYS * 86_400_000;
  for (let day = 0; day < DAYS; day += 1) {
    const at = (hour: number, minute: number) =>
      new Date(start + day * 86_400_000 + (hour * 60 + minute) * 60_000).toISOString();
    for (let user = 1; user <= 12; user += 1) {
      const name = `demo.user.${String(user).padStart(2, '0')}`;
      if ((day + user) % 3 === 0)
        lines.push(`${at(9, user)},${name},chatgpt.com,${2048 * user},8192,${department},${office}`);
      if (user <= 6 && (day + user) % 2 === 0)
        lines.push(`${at(10, user)},${name},www.deepl.com,${4096 * user},2048,${department},${office}`);
      lines.push(`${at(11, user)},${name},www.example.org,512,4096,${department},${office}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function loadDemoUsage(
  services: DemoUsageServices,
  ctx: RequestContext,
  office: { id: string; name: string },
  department: string,
  today: Date,
): Promise<DemoUsageResult> {
  await services.aiSystems.create(ctx, {
    name: DEMO_AI_SYSTEM,
    purpose: 'Translate documents for partners and beneficiaries',
    office_id: office.id,
    provider: 'DeepL SE',
    lifecycle: 'production',
    approval_status: 'approved',
    usage_app_ids: ['deepl'],
  });
  const result: DemoUsageResult = { ai_system: DEMO_AI_SYSTEM, ingested: false, alert_actions: 0 };
  if (!services.usageIngest.configured) return result;
  async function* chunks() {
    yield Buffer.from(demoUsageLog(today, department, office.name));
  }
  const ingested = await services.usageIngest.ingest(
    ctx,
    { name: 'demo-proxy.csv', chunks: chunks() },
    { format: 'csv' },
  );
  return { ...result, ingested: true, alert_actions: ingested.alerts?.actions.opened ?? 0 };
}
