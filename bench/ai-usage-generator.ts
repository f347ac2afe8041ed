import fs from 'node:fs';
import { Prng } from '../src/core/prng.js';
import type { Catalogue } from '../src/modules/ai-usage/catalogue.js';

/*
 * Synthetic Squid native access logs for the AI usage benchmark: many users, a few days, a mix
 * of HTTPS tunnels (CONNECT host:443) and plain HTTP requests with long paths and query strings,
 * some denied requests, lookalike domains, and about 5% of requests to catalogued AI services.
 * Deterministic for a seed. A matching directory CSV gives every user a department and office.
 */

export interface SyntheticLogOptions {
  lines: number;
  users: number;
  days: number;
  aiShare: number;
  seed: number;
  /** First timestamp (Unix seconds). */
  start: number;
}

export const DEFAULT_SYNTHETIC: SyntheticLogOptions = {
  lines: 2_000_000,
  users: 8_000,
  days: 7,
  aiShare: 0.05,
  seed: 7,
  start: 1_796_000_000,
};

const POPULAR = [
  'www.google.com',
  'outlook.office365.com',
  'login.microsoftonline.com',
  'teams.microsoft.com',
  'graph.microsoft.com',
  'www.bing.com',
  'update.googleapis.com',
  'fonts.gstatic.com',
  'www.youtube.com',
  'i.ytimg.com',
  'github.com',
  'api.github.com',
  'slack.com',
  'zoom.us',
  'www.linkedin.com',
  'docs.google.com',
  'drive.google.com',
  'www.wikipedia.org',
  'reliefweb.int',
  'www.unhcr.org',
  'www.who.int',
  'news.un.org',
  'cdn.jsdelivr.net',
  'ajax.googleapis.com',
  // Lookalikes that must never count as AI use.
  'notchatgpt.com',
  'chatgpt.com.example.net',
  'openai.com',
  'deepl.comics.example',
];

const DEPARTMENTS = [
  'Supply Chain',
  'Finance',
  'Human Resources',
  'Programme',
  'Protection',
  'Health',
  'ICT',
  'Communications',
  'Legal',
  'Security',
  'Education',
  'WASH',
];
const OFFICES = [
  'Geneva',
  'Nairobi',
  'Amman',
  'Bangkok',
  'Dakar',
  'Panama',
  'Kabul',
  'Juba',
  'Cox’s Bazar',
  'Kyiv',
  'Bogotá',
  'Maputo',
];

/** Write the log; returns the number of lines that went to AI hosts. */
export async function writeSyntheticSquidLog(
  file: string,
  catalogue: Catalogue,
  options = DEFAULT_SYNTHETIC,
): Promise<number> {
  const prng = new Prng(options.seed);
  const aiHosts = weightedAiHosts(catalogue);
  const otherHosts = [
    ...POPULAR,
    ...Array.from(
      { length: 40_000 },
      (_, i) =>
        `${pick(prng, ['www', 'cdn', 'api', 'static', 'img'])}.site${i}.example.${pick(prng, ['com', 'org', 'net', 'io'])}`,
    ),
  ];
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  const span = options.days * 86_400;
  let aiLines = 0;
  let batch: string[] = [];
  for (let i = 0; i < options.lines; i += 1) {
    const user = Math.floor(prng.next() ** 1.5 * options.users);
    const ai = prng.chance(options.aiShare);
    if (ai) aiLines += 1;
    // Popular hosts dominate, as in real traffic: a skewed pick over the pool.
    const host = ai
      ? aiHosts[Math.floor(prng.next() * aiHosts.length)]!
      : otherHosts[Math.floor(prng.next() ** 4 * otherHosts.length)]!;
    const time = (options.start + (i / options.lines) * span).toFixed(3);
    const elapsed = String(prng.int(1, 90_000)).padStart(6);
    const client = `10.${(user >> 8) & 255}.${user & 255}.${(user * 7) & 255}`;
    const denied = prng.chance(0.02);
    const tunnel = prng.chance(0.8);
    const name = prng.chance(0.03) ? '-' : user % 10 === 0 ? `ORG%5Cuser${user}` : `user${user}@org.example`;
    const code = denied
      ? 'TCP_DENIED/403'
      : tunnel
        ? 'TCP_TUNNEL/200'
        : pick(prng, ['TCP_MISS/200', 'TCP_HIT/200', 'TCP_MISS/304']);
    const size = denied ? 3890 : Math.floor(prng.next() ** 3 * 2_000_000) + 200;
    const method = tunnel ? 'CONNECT' : pick(prng, ['GET', 'GET', 'GET', 'POST']);
    const url = tunnel
      ? `${host}:443`
      : `http://${host}/${pick(prng, ['api', 'assets', 'v1', 'search', 'static/js'])}/${prng.int(1, 1e9).toString(36)}/${prng.int(1, 1e6)}.html?session=${prng.int(1, 1e12).toString(16)}&q=${prng.int(1, 1e6)}`;
    const peer = denied ? 'HIER_NONE/-' : `HIER_DIRECT/203.0.113.${prng.int(1, 254)}`;
    const type = tunnel || denied ? '-' : pick(prng, ['text/html', 'application/json', 'image/png']);
    batch.push(`${time} ${elapsed} ${client} ${code} ${size} ${method} ${url} ${name} ${peer} ${type}`);
    if (batch.length === 5000) {
      if (!out.write(`${batch.join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return aiLines;
}

/** user → department and office for every synthetic user (a few are left out on purpose). */
export function writeSyntheticDirectory(file: string, options = DEFAULT_SYNTHETIC): void {
  const prng = new Prng(options.seed + 1);
  const rows = ['user,department,office'];
  for (let user = 0; user < options.users; user += 1) {
    if (prng.chance(0.02)) continue;
    const id = user % 10 === 0 ? `ORG\\user${user}` : `user${user}@org.example`;
    rows.push(`${id},${pick(prng, DEPARTMENTS)},${pick(prng, OFFICES)}`);
  }
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
}

/** AI hosts with popular services repeated: ChatGPT and Copilot much more than a niche tool. */
function weightedAiHosts(catalogue: Catalogue): string[] {
  const heavy: Record<string, number> = {
    chatgpt: 30,
    'microsoft-copilot': 12,
    gemini: 10,
    claude: 8,
    deepl: 8,
    perplexity: 6,
    'github-copilot': 6,
    grammarly: 6,
    'openai-api': 4,
  };
  const hosts: string[] = [];
  for (const app of catalogue.apps) {
    const weight = heavy[app.id] ?? 1;
    for (const domain of app.domains) {
      for (let i = 0; i < weight; i += 1)
        hosts.push(i % 3 === 2 ? `www.${domain}` : i % 3 === 1 ? `cdn.${domain}` : domain);
    }
  }
  return hosts;
}

function pick<T>(prng: Prng, items: readonly T[]): T {
  return prng.pick(items);
}
