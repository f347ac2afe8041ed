import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { openRuntime } from '../src/app/runtime.js';
import { systemActor } from '../src/core/permissions.js';
import { loadShippedCatalogue } from '../src/modules/ai-usage/catalogue.js';
import { readDirectory } from '../src/modules/ai-usage/directory.js';
import { writeSyntheticDirectory, writeSyntheticSquidLog } from './ai-usage-generator.js';

import { UsageRepository } from '../src/modules/ai-usage/usage.repository.js';
import { UsageAlertService } from '../src/modules/ai-usage/usage-alerts.service.js';
const phases: Record<string, number> = {};
function wrap(proto: any, name: string) {
  const orig = proto[name];
  proto[name] = async function (...args: unknown[]) {
    const c = process.cpuUsage();
    try { return await orig.apply(this, args); } finally { const u = process.cpuUsage(c); phases[name] = (phases[name] ?? 0) + (u.user + u.system) / 1000; }
  };
}
wrap(UsageRepository.prototype, 'addRollups');
wrap(UsageRepository.prototype, 'recountUsers');
wrap(UsageAlertService.prototype, 'runIn');
const dir = '/tmp/usageprof';
const log = path.join(dir, 'access.log');
const users = path.join(dir, 'users.csv');
if (!fs.existsSync(log)) {
  await writeSyntheticSquidLog(log, loadShippedCatalogue());
  writeSyntheticDirectory(users);
}
const directory = await readDirectory(fs.createReadStream(users));
const runs = Number(process.argv[2] ?? 1);
for (let i = 0; i < runs; i += 1) {
  const dbFile = path.join(dir, `p-${process.pid}-${i}.db`);
  const services = await openRuntime(loadConfig({ db: `sqlite:${dbFile}`, usageKey: 'benchmark-key-benchmark-key-benchmark-key' }, {}));
  const cpu = process.cpuUsage();
  const t0 = Date.now();
  for (const k of Object.keys(phases)) delete phases[k];
  const r = await services.usageIngest.ingest({ actor: systemActor('bench'), requestId: null }, { path: log }, { format: 'auto', directory });
  const used = process.cpuUsage(cpu);
  console.log(`run ${i}: wall ${Date.now() - t0} ms, cpu ${(used.user + used.system) / 1000} ms, events ${r.events}`, r.written, phases);
  await services.db.close();
  for (const f of fs.readdirSync(dir)) if (f.startsWith(`p-${process.pid}`)) fs.rmSync(path.join(dir, f));
}
