import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import type { FrameworkSummary } from './frameworks.schema.js';
import { wordText, zipEntries } from './testing/zip-entries.js';

describe('custos frameworks (spawned)', { timeout: 60_000 }, () => {
  let dir: string;
  let dbUrl: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-cli-frameworks-'));
    dbUrl = `sqlite:${path.join(dir, 'custos.db')}`;
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the library as JSON and saves a crosswalk as XLSX, Markdown and DOCX', async () => {
    const list = runCli(['frameworks', 'list', '--json'], dbUrl);
    expect(list.status, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as FrameworkSummary[]).map((f) => f.id)).toContain(
      'iasc-data-responsibility',
    );

    const files = {
      xlsx: path.join(dir, 'c.xlsx'),
      md: path.join(dir, 'c.md'),
      docx: path.join(dir, 'c.docx'),
    };
    const run = runCli(
      [
        'frameworks',
        'crosswalk',
        '--frameworks',
        'gdpr,iom-data-protection-principles',
        '--themes',
        'retention,legal_basis_consent',
        '--xlsx',
        files.xlsx,
        '--md',
        files.md,
        '--docx',
        files.docx,
      ],
      dbUrl,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Saved the crosswalk as ${files.docx}`);
    expect(fs.readFileSync(files.md, 'utf8')).toContain(
      '| Retention | Art. 5 — Principles relating to processing of personal data',
    );
    const text = wordText(
      zipEntries(fs.readFileSync(files.docx)).get('word/document.xml')?.toString('utf8') ?? '',
    );
    expect(text).toContain('Principle 9 — Retention of personal data');
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(files.xlsx);
    expect(workbook.getWorksheet('Crosswalk')?.getRow(3).getCell(1).value).toBe('Legal basis and consent');
  });

  it('refuses unknown ids with exit 2, naming each on stderr', () => {
    const run = runCli(
      ['frameworks', 'crosswalk', '--frameworks', 'gdpr,ccpa', '--themes', 'openness'],
      dbUrl,
    );
    expect(run.status).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(run.stderr).toContain('--frameworks: unknown framework "ccpa"');
    expect(run.stderr).toContain('--themes: unknown theme "openness"');
    expect(run.stdout).toBe('');
  });
});
