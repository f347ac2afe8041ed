import { loadConfig } from '../../../app/config.js';
import { createServices } from '../../../app/services.js';
import { fixedClock } from '../../../core/clock.js';
import type { Db } from '../../../db/database.js';
import { TEST_KEY } from './fixtures.js';

/*
 * A small CSV proxy log whose report is worked out by hand in usage-report.service.test.ts:
 * two ISO weeks (Monday 2026-11-23 and Monday 2026-11-30), four users, three AI apps of the
 * shipped catalogue (ChatGPT high risk, DeepL medium, OpenAI API low), one other host and one
 * malformed line (line 10: its time cannot be read).
 */
export const HAND_LOG = [
  'time,user,host,bytes_out,bytes_in,department,office',
  '2026-11-23T09:00:00Z,u1,chatgpt.com,1000,5000,Finance,Nairobi',
  '2026-11-23T10:00:00Z,u1,chatgpt.com,500,100,Finance,Nairobi',
  '2026-11-23T11:00:00Z,u2,chatgpt.com,200,100,Finance,Nairobi',
  '2026-11-24T09:00:00Z,u3,www.deepl.com,300,50,HR,Geneva',
  '2026-11-24T09:30:00Z,u1,www.example.org,10,10,Finance,Nairobi',
  '2026-11-30T09:00:00Z,u2,api.openai.com,4000,100,Finance,Nairobi',
  '2026-11-30T09:10:00Z,u4,chatgpt.com,0,10,HR,Geneva',
  '2026-12-01T09:00:00Z,u1,chatgpt.com,100,0,Finance,Nairobi',
  'yesterday,u9,chatgpt.com,1,1,Finance,Nairobi',
].join('\n');

/** Services over `db` with a usage key (or none), on the test clock. */
export function usageServices(db: Db, key: string | null = TEST_KEY) {
  return createServices(
    db,
    fixedClock('2026-12-02T09:00:00.000Z'),
    loadConfig({ db: 'sqlite::memory:', usageKey: key ?? undefined }, {}),
  );
}

export async function* bytesOf(content: string | Buffer): AsyncGenerator<Buffer> {
  yield Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
}
