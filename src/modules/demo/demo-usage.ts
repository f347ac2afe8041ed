import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/audit.js';
import { Prng } from '../../core/prng.js';
import type { AiSystemService } from '../ai-registry/ai-system.service.js';
import type { UsageAppService } from '../ai-usage/usage-apps.service.js';
import type { UsageIngestService } from '../ai-usage/usage-ingest.service.js';

/*
 * The demo's AI usage: an AI system of the registry that approves DeepL (so DeepL's status comes from
 * the registry), and eight weeks of web-proxy log for about 400 staff in a dozen departments of
 * headquarters and five country offices. What it shows:
 * - a handful of everyday tools (ChatGPT, approved with conditions by the registry's demo; Microsoft
 *   365 Copilot and GitHub Copilot, decided on the catalogue page; DeepL; Google Translate, under review;
 *   Grammarly) and a long tail of others;
 * - unapproved high-risk use large enough to raise alerts (Claude in headquarters' application team);
 * - tools first seen in the last three weeks, one of them (DeepSeek) with large uploads in one country
 *   office, which raises the "new app with uploads" alert;
 * - audio and documents uploaded to meeting-transcription and notebook tools, and ordinary web traffic.
 * The log is generated from a seed, so the demo is the same on every machine. Its users are made up.
 */

export interface DemoUsageServices {
  aiSystems: AiSystemService;
  usageApps: UsageAppService;
  usageIngest: UsageIngestService;
}

/** Decisions the governance team recorded on the AI app catalogue page (apps no AI system covers). */
const CATALOGUE_DECISIONS = [
  {
    id: 'microsoft-365-copilot',
    status: 'approved',
    note: 'Enterprise tenant: prompts and files stay in the organisation’s Microsoft 365 and are not used for training.',
  },
  {
    id: 'github-copilot',
    status: 'approved_with_conditions',
    note: 'Business plan only, for ICT staff; no personal data or secrets in prompts.',
  },
  {
    id: 'otter',
    status: 'unapproved',
    note: 'Meeting recordings leave the organisation; use the transcription built into Teams.',
  },
  { id: 'google-translate', status: 'under_review', note: null },
] as const;

/** An office of the demo with the departments whose staff appear in the log. */
export interface DemoUsagePlace {
  office: string;
  departments: readonly string[];
}

export interface DemoUsageResult {
  /** The registry system that approves DeepL. */
  ai_system: string;
  /** Lines of proxy log ingested. */
  lines: number;
  /**
   * How users were pseudonymised: with the configured key (CUSTOS_USAGE_KEY), or, when none is
   * configured, with a one-off random key that is then forgotten (the demo's users are made up).
   */
  key: 'configured' | 'one-off';
  /** Actions opened by the usage alerts. */
  alert_actions: number;
}

export const DEMO_AI_SYSTEM = 'DeepL Pro for document translation';
const WEEKS = 8;
const DAY = 86_400_000;
const KIB = 1024;

/**
 * An AI host of the catalogue and how the demo's staff use it: the share of staff who adopt it
 * (`adoption`, per department kind), events on a day they use it, the bytes they upload per event,
 * and for tools that arrive late, the day (counted back from today) when the first person tried them.
 */
interface DemoApp {
  host: string;
  adoption: number;
  /** Departments whose name matches take it up at this share instead (e.g. developers). */
  special?: { match: RegExp; adoption: number };
  events: number;
  upload: number;
  since?: number;
  /** Only departments whose name matches use it at all. */
  only?: RegExp;
}

const TECH = /technology|applications|infrastructure|security|service desk|data|analytics/i;
const COMMS = /communications|media|digital/i;

const APPS: readonly DemoApp[] = [
  { host: 'chatgpt.com', adoption: 0.45, events: 4, upload: 48 * KIB },
  { host: 'copilot.cloud.microsoft', adoption: 0.35, events: 3, upload: 32 * KIB },
  { host: 'www.deepl.com', adoption: 0.25, events: 3, upload: 160 * KIB },
  { host: 'translate.google.com', adoption: 0.2, events: 3, upload: 12 * KIB },
  { host: 'app.grammarly.com', adoption: 0.15, events: 5, upload: 8 * KIB },
  { host: 'gemini.google.com', adoption: 0.1, events: 2, upload: 24 * KIB },
  { host: 'www.perplexity.ai', adoption: 0.08, events: 2, upload: 4 * KIB },
  { host: 'quillbot.com', adoption: 0.05, events: 3, upload: 16 * KIB },
  {
    host: 'claude.ai',
    adoption: 0.06,
    special: { match: /applications/i, adoption: 0.8 },
    events: 4,
    upload: 96 * KIB,
  },
  { host: 'otter.ai', adoption: 0.03, events: 1, upload: 6 * 1024 * KIB },
  { host: 'notebooklm.google.com', adoption: 0.03, events: 1, upload: 900 * KIB },
  { host: 'fireflies.ai', adoption: 0.02, events: 1, upload: 4 * 1024 * KIB },
  {
    host: 'gamma.app',
    adoption: 0.02,
    special: { match: COMMS, adoption: 0.3 },
    events: 2,
    upload: 64 * KIB,
  },
  {
    host: 'elevenlabs.io',
    adoption: 0,
    special: { match: COMMS, adoption: 0.25 },
    events: 1,
    upload: 256 * KIB,
  },
  {
    host: 'www.midjourney.com',
    adoption: 0,
    special: { match: COMMS, adoption: 0.3 },
    events: 2,
    upload: 2 * KIB,
  },
  {
    host: 'api.individual.githubcopilot.com',
    adoption: 0,
    only: TECH,
    special: { match: TECH, adoption: 0.6 },
    events: 8,
    upload: 20 * KIB,
  },
  {
    host: 'huggingface.co',
    adoption: 0,
    only: TECH,
    special: { match: TECH, adoption: 0.25 },
    events: 2,
    upload: 2 * KIB,
  },
  {
    host: 'api.openai.com',
    adoption: 0,
    only: TECH,
    special: { match: TECH, adoption: 0.15 },
    events: 6,
    upload: 12 * KIB,
  },
  {
    host: 'cursor.com',
    adoption: 0,
    only: TECH,
    special: { match: TECH, adoption: 0.2 },
    events: 6,
    upload: 40 * KIB,
    since: 20,
  },
  {
    host: 'chat.deepseek.com',
    adoption: 0.04,
    special: { match: /programmes/i, adoption: 0.45 },
    events: 4,
    upload: 1200 * KIB,
    since: 16,
  },
  { host: 'manus.im', adoption: 0.02, events: 2, upload: 300 * KIB, since: 9 },
  { host: 'character.ai', adoption: 0.01, events: 2, upload: 1 * KIB },
];

/** Ordinary hosts, so that AI use is a share of all traffic. */
const OTHER_HOSTS = [
  'www.example.org',
  'intranet.example.org',
  'outlook.office365.com',
  'www.reliefweb.int',
  'data.humdata.org',
  'www.un.org',
];

/** Roughly how many staff a department has in the log. */
function headcount(prng: Prng, department: string): number {
  return TECH.test(department) ? prng.int(12, 22) : prng.int(14, 40);
}

/**
 * A CSV proxy log over the WEEKS weeks before `today` for the offices and departments given: working
 * days only, a few ordinary requests per person and day, and each person's AI tools on some days.
 */
export function demoUsageLog(today: Date, places: readonly DemoUsagePlace[], seed = 1): string {
  const prng = new Prng(seed);
  const lines = ['time,user,host,bytes_out,bytes_in,department,office'];
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const start = end - WEEKS * 7 * DAY;
  const csv = (value: string) => (/[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  let userNumber = 0;
  for (const place of places) {
    for (const department of place.departments) {
      const staff = headcount(prng, department);
      for (let person = 0; person < staff; person += 1) {
        userNumber += 1;
        const user = `staff${String(userNumber).padStart(4, '0')}`;
        const tools = APPS.filter((app) => {
          if (app.only && !app.only.test(department)) return false;
          const share = app.special?.match.test(department) ? app.special.adoption : app.adoption;
          return prng.chance(share);
        });
        // From this day on (counted back from today) the person tries each late tool.
        const starts = tools.map((app) => (app.since === undefined ? WEEKS * 7 : prng.int(1, app.since)));
        const activity = prng.next() * 0.6 + 0.2;
        for (let time = start; time < end; time += DAY) {
          const weekday = new Date(time).getUTCDay();
          if (weekday === 0 || weekday === 6 || !prng.chance(0.9)) continue;
          const daysBack = Math.round((end - time) / DAY);
          const at = (hour: number) =>
            new Date(time + hour * 3_600_000 + prng.int(0, 3_599) * 1000).toISOString().replace('.000Z', 'Z');
          const other = prng.int(1, 3);
          for (let n = 0; n < other; n += 1)
            lines.push(
              `${at(prng.int(7, 17))},${user},${prng.pick(OTHER_HOSTS)},${prng.int(300, 4000)},${prng.int(4, 400) * KIB},${csv(department)},${csv(place.office)}`,
            );
          tools.forEach((app, index) => {
            if (daysBack > starts[index]! || !prng.chance(activity)) return;
            const events = prng.int(1, app.events);
            for (let n = 0; n < events; n += 1) {
              const up = Math.round(app.upload * (0.3 + prng.next() * 1.4));
              lines.push(
                `${at(prng.int(8, 18))},${user},${app.host},${up},${prng.int(8, 200) * KIB},${csv(department)},${csv(place.office)}`,
              );
            }
          });
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function loadDemoUsage(
  services: DemoUsageServices,
  ctx: RequestContext,
  registryOffice: { id: string },
  places: readonly DemoUsagePlace[],
  today: Date,
  seed = 1,
): Promise<DemoUsageResult> {
  await services.aiSystems.create(ctx, {
    name: DEMO_AI_SYSTEM,
    purpose: 'Translate documents for partners and beneficiaries',
    office_id: registryOffice.id,
    provider: 'DeepL SE',
    lifecycle: 'production',
    approval_status: 'approved',
    usage_app_ids: ['deepl'],
  });
  for (const decision of CATALOGUE_DECISIONS)
    await services.usageApps.update(ctx, decision.id, {
      version: (await services.usageApps.get(ctx, decision.id)).version,
      status: decision.status,
      note: decision.note,
    });
  // Without a configured key, the made-up users are pseudonymised with a key nobody keeps.
  const configured = services.usageIngest.configured;
  const ingest = configured
    ? services.usageIngest
    : services.usageIngest.withKey(randomBytes(32).toString('hex'));
  const log = demoUsageLog(today, places, seed);
  async function* chunks() {
    yield Buffer.from(log);
  }
  const ingested = await ingest.ingest(ctx, { name: 'demo-proxy.csv', chunks: chunks() }, { format: 'csv' });
  return {
    ai_system: DEMO_AI_SYSTEM,
    lines: ingested.lines,
    key: configured ? 'configured' : 'one-off',
    alert_actions: ingested.alerts?.actions.opened ?? 0,
  };
}

/** Offices whose staff appear in the demo's log (those the demo has), with a few departments each. */
const USAGE_OFFICES = ['HQ-ICT', 'HQ-COM', 'HQ-HR', 'CO-KE', 'CO-BD', 'CO-CO', 'CO-SN', 'CO-PH'];
const USAGE_UNITS = /^(APP|SEC|SD|MED|WEB|REC|PAY|PRG|FIN|PRT|HR|ICT)$/;

export function demoUsagePlaces(demo: {
  offices: readonly { code: string; name: string }[];
  departments: readonly { office_code: string; code: string; name: string }[];
}): DemoUsagePlace[] {
  return USAGE_OFFICES.flatMap((code) => {
    const office = demo.offices.find((o) => o.code === code);
    if (!office) return [];
    const departments = demo.departments
      .filter((d) => d.office_code === code && USAGE_UNITS.test(d.code))
      .slice(0, 3)
      .map((d) => d.name);
    return departments.length > 0 ? [{ office: office.name, departments }] : [];
  });
}
