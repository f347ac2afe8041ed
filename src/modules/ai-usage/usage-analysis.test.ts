import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { isAppError } from '../../core/errors.js';
import { loadShippedCatalogue } from './catalogue.js';
import { Pseudonymiser } from './pseudonymise.js';
import { gzip, NOV_30, smallCatalogue, squidLine, TEST_KEY } from './testing/fixtures.js';
import { analyseUsageLogs, type AnalyseOptions } from './usage-analysis.js';

const clock = fixedClock('2026-11-30T12:00:00Z');

/** The same four requests written in each supported format. */
const SAME_EVENTS: Record<string, string> = {
  'squid.log': [
    squidLine({ url: 'chatgpt.com:443', user: 'jdoe', bytes: 100 }),
    squidLine({ url: 'https://api.openai.com/v1/files?purpose=x', method: 'POST', user: 'ana', bytes: 200 }),
    squidLine({ url: 'www.example.org:443', user: 'jdoe' }),
    squidLine({ url: 'https://www.deepl.com/translator', method: 'GET', user: 'ana', bytes: 300 }),
  ].join('\n'),
  'proxysg.log': [
    '#Software: SGOS 7.3',
    '#Fields: date time c-ip cs-username sc-filter-result cs-host cs-uri-path sc-bytes cs-bytes',
    '2026-11-30 10:00:00 10.1.2.3 jdoe OBSERVED chatgpt.com / 100 0',
    '2026-11-30 10:00:01 10.1.2.4 ana OBSERVED api.openai.com /v1/files 200 0',
    '2026-11-30 10:00:02 10.1.2.3 jdoe OBSERVED www.example.org / 0 0',
    '2026-11-30 10:00:03 10.1.2.4 ana OBSERVED www.deepl.com /translator 300 0',
  ].join('\n'),
  'zscaler.csv': [
    'time,login,ehost,eurl,action,reqsize,respsize',
    '2026-11-30 10:00:00,jdoe,chatgpt.com,chatgpt.com/,Allowed,0,100',
    '2026-11-30 10:00:01,ana,api.openai.com,api.openai.com/v1/files,Allowed,0,200',
    '2026-11-30 10:00:02,jdoe,www.example.org,www.example.org/,Allowed,0,0',
    '2026-11-30 10:00:03,ana,www.deepl.com,www.deepl.com/translator,Allowed,0,300',
  ].join('\n'),
  'export.csv': [
    'ts;uid;dest;recv',
    '2026-11-30T10:00:00Z;jdoe;chatgpt.com;100',
    '2026-11-30T10:00:01Z;ana;api.openai.com;200',
    '2026-11-30T10:00:02Z;jdoe;www.example.org;0',
    '2026-11-30T10:00:03Z;ana;www.deepl.com;300',
  ].join('\n'),
  'events.jsonl': [
    { time: NOV_30, user: 'jdoe', host: 'chatgpt.com', bytes_in: 100 },
    { time: NOV_30, user: 'ana', host: 'api.openai.com', bytes_in: 200 },
    { time: NOV_30, user: 'jdoe', host: 'www.example.org', bytes_in: 0 },
    { time: NOV_30, user: 'ana', host: 'www.deepl.com', bytes_in: 300 },
  ]
    .map((record) => JSON.stringify(record))
    .join('\n'),
};

describe('analysing usage logs without storing anything', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-usage-analysis-'));
    for (const [name, content] of Object.entries(SAME_EVENTS)) fs.writeFileSync(file(name), content);
    fs.writeFileSync(file('squid.log.gz'), gzip(SAME_EVENTS['squid.log']!));
    fs.writeFileSync(
      file('users.csv'),
      'user,department,office\njdoe,Supply Chain,Nairobi\nana,Finance,Geneva\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const analyse = (options: Partial<AnalyseOptions> & { files: string[] }) =>
    analyseUsageLogs({ format: 'auto', key: TEST_KEY, clock, ...options }, smallCatalogue());

  it.each(Object.keys(SAME_EVENTS))('finds the same AI use in %s', async (name) => {
    const map = name === 'export.csv' ? 'time=ts,user=uid,host=dest,bytes_down=recv' : undefined;
    const { summary, files } = await analyse({ files: [file(name)], map });
    expect(files[0]!.events).toBe(4);
    expect(summary.totals).toEqual({ events: 4, ai_events: 3, ai_users: 2 });
    expect(summary.apps.map((app) => [app.app_id, app.events, app.users, app.bytes_down])).toEqual([
      ['chatgpt', 1, 1, 100],
      ['deepl', 1, 1, 300],
      ['openai-api', 1, 1, 200],
    ]);
  });

  it('joins the directory to give departments and offices, and sums several files', async () => {
    const { summary, files, rows } = await analyse({
      files: [file('squid.log'), file('squid.log.gz')],
      directory: file('users.csv'),
    });
    expect(files.map((f) => f.compressed)).toEqual([false, true]);
    expect(files[0]!.sha256).toBe(files[1]!.sha256);
    expect(summary.departments).toEqual([
      { department: 'Finance', office: 'Geneva', ai_events: 4, high_risk_events: 0, users: 1 },
      { department: 'Supply Chain', office: 'Nairobi', ai_events: 2, high_risk_events: 2, users: 1 },
    ]);
    expect(summary.apps.find((app) => app.app_id === 'chatgpt')).toMatchObject({
      events: 2,
      users: 1,
      category: 'chat assistant',
      risk: 'high',
    });
    expect(rows.first_seen_departments.map((row) => `${row.app_id}/${row.department}`)).toEqual([
      'chatgpt/Supply Chain',
      'deepl/Finance',
      'openai-api/Finance',
    ]);
    expect(rows.pseudonyms).toContain(new Pseudonymiser(TEST_KEY).pseudonym('jdoe'));
  });

  it('uses a one-off key when none is configured, so pseudonyms change from run to run', async () => {
    const first = await analyse({ files: [file('squid.log')], key: undefined });
    const second = await analyse({ files: [file('squid.log')], key: undefined });
    expect(first.key).toBe('one-off');
    expect(first.rows.pseudonyms).not.toEqual(second.rows.pseudonyms);
    expect(first.summary).toEqual(second.summary);
  });

  it('works with the shipped catalogue', async () => {
    const analysis = await analyseUsageLogs(
      { files: [file('squid.log')], format: 'auto', key: TEST_KEY, clock },
      loadShippedCatalogue(),
    );
    expect(analysis.summary.apps.map((app) => app.app_id).sort()).toEqual(['chatgpt', 'deepl', 'openai-api']);
  });

  it.each<[string, Partial<AnalyseOptions> & { files: string[] }, string, RegExp]>([
    ['no files', { files: [] }, 'validation_failed', /at least one log file/],
    ['a missing file', { files: ['/no/such/file.log'] }, 'not_found', /file\.log/],
    [
      'a missing directory file',
      { files: [], directory: '/no/users.csv' },
      'validation_failed',
      /at least one log file/,
    ],
    ['a bad --map', { files: ['x'], map: 'colour=red' }, 'validation_failed', /--map/],
  ])('refuses %s', async (_label, options, code, message) => {
    try {
      await analyse(options);
      throw new Error('accepted');
    } catch (error) {
      expect(isAppError(error) && [error.code, error.message]).toEqual([
        code,
        expect.stringMatching(message),
      ]);
    }
  });

  it('refuses a directory file that does not exist', async () => {
    await expect(analyse({ files: [file('squid.log')], directory: file('nope.csv') })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
