import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { newId } from '../../core/ids.js';
import { readWorkbook } from '../frameworks/testing/workbook.js';
import type {
  AssessedRequirement,
  Assessment,
  AssessmentListItem,
  AssessmentProgress,
} from './compliance.schema.js';

/* `custos compliance ...` run in-process on both dialects: offices by code, people by e-mail. */
describeCli('compliance commands', ({ custos, ok, json, services }) => {
  let assessment: Assessment;
  beforeAll(async () => {
    await ok('office add --code HQ-LEG --name', 'Legal Affairs', '--kind', 'hq_department');
    await ok('person add --email lea@example.org --office HQ-LEG --name', 'Léa Martin');
    assessment = await json<Assessment>(
      'compliance create --framework gdpr --office HQ-LEG --owner LEA@example.org --json --title',
      'GDPR at Legal Affairs',
    );
  });

  it('creates, lists and shows an assessment', async () => {
    expect(assessment).toMatchObject({
      office_code: 'HQ-LEG',
      owner_name: 'Léa Martin',
      status: 'in_progress',
    });
    const listed = await json<AssessmentListItem[]>('compliance list --office HQ-LEG --json');
    expect(listed.map((a) => [a.title, a.progress.unassessed])).toEqual([['GDPR at Legal Affairs', 39]]);
    expect(await json<AssessmentListItem[]>('compliance list --office none --json')).toEqual([]);
    expect(await ok('compliance list')).toMatch(/GDPR at Legal Affairs +gdpr +HQ-LEG +in_progress +39 +0/);
    expect(await ok(`compliance show ${assessment.id}`)).toMatch(/Art\. 5 +unassessed +Principles/);
  });

  it('sets requirements with links and shows the progress by theme', async () => {
    const set = await json<AssessedRequirement>(
      `compliance set ${assessment.id} gdpr.art-30 --status partial --json --notes`,
      'Register kept for HQ only',
      '--link',
      'https://intranet.example.org/ropa Register of processing',
    );
    expect(set).toMatchObject({
      status: 'partial',
      version: 1,
      evidence: [{ kind: 'url', url: 'https://intranet.example.org/ropa', title: 'Register of processing' }],
    });
    await ok(`compliance set ${assessment.id} gdpr.art-30 --status met`);
    await ok(
      `compliance set ${assessment.id} gdpr.art-10 --status not_applicable --reason`,
      'No criminal records',
    );
    const missingReason = await custos(`compliance set ${assessment.id} gdpr.art-9 --status not_applicable`);
    expect(missingReason.code).toBe(2);
    expect(missingReason.stderr).toContain('--reason');
    const stale = await custos(`compliance set ${assessment.id} gdpr.art-30 --status not_met --version 1`);
    expect(stale.code).toBe(6);
    expect((await custos(`compliance set ${assessment.id} gdpr.art-404 --status met`)).code).toBe(5);

    const progress = await json<AssessmentProgress>(`compliance progress ${assessment.id} --lang fr --json`);
    expect(progress.overall).toMatchObject({ met: 1, not_applicable: 1, score: 100 });
    expect(await ok(`compliance progress ${assessment.id}`)).toMatch(/Overall +39 +1 +0 +0 +1 +37 +100%/);
  });

  it('attaches an evidence file to a requirement and saves it back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-compliance-'));
    const source = path.join(dir, 'ropa.csv');
    fs.writeFileSync(source, 'activity,purpose\nPayroll,Pay staff\n');
    const attached = await json<AssessedRequirement>(
      `compliance attach ${assessment.id} gdpr.art-30 ${source} --json`,
    );
    const file = attached.evidence.find((e) => e.kind === 'file');
    expect(file).toMatchObject({ kind: 'file', name: 'ropa.csv' });
    expect(attached.evidence.map((e) => e.kind)).toEqual(['url', 'file']);
    const sha256 = file?.kind === 'file' ? file.sha256 : '';
    const target = path.join(dir, 'copy.csv');
    expect(await ok(`compliance evidence ${assessment.id} gdpr.art-30 ${sha256} --out ${target}`)).toContain(
      'Saved ropa.csv',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('activity,purpose\nPayroll,Pay staff\n');
    expect(
      (await custos(`compliance evidence ${assessment.id} gdpr.art-30 ${sha256} --out ${target}`)).code,
    ).toBe(6);
    expect(
      (await custos(`compliance attach ${assessment.id} gdpr.art-30 ${path.join(dir, 'nope.pdf')}`)).code,
    ).toBe(5);
  });

  it('exports the workbook, completes and deletes the assessment', async () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-compliance-')), 'gdpr.xlsx');
    expect(await ok(`compliance export ${assessment.id} --xlsx ${target}`)).toContain('Saved the assessment');
    const workbook = await readWorkbook(fs.readFileSync(target));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Requirements', 'By theme']);
    expect(await ok(`compliance update ${assessment.id} --status completed`)).toContain('completed');
    expect((await custos(`compliance set ${assessment.id} gdpr.art-5 --status met`)).code).toBe(6);
    expect((await custos('compliance create --framework nope --title X')).stderr).toContain('--framework');
    await ok(`compliance delete ${assessment.id}`);
    expect((await custos(`compliance show ${assessment.id}`)).code).toBe(5);
  });

  it('lists every page of assessments, newest first', async () => {
    const first = await json<Assessment>(
      'compliance create --framework gdpr --office HQ-LEG --json --title',
      'GDPR 2026',
    );
    const db = services().db.kysely;
    const row = await db
      .selectFrom('compliance_assessments')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    // More assessments than one page of the command (500) holds, one a minute from 2027.
    const copies = Array.from({ length: 501 }, (_, i) => ({
      ...row,
      id: newId(),
      title: `GDPR copy ${i}`,
      created_at: new Date(Date.UTC(2027, 0, 1, 0, i)).toISOString(),
    }));
    for (let i = 0; i < copies.length; i += 100)
      await db
        .insertInto('compliance_assessments')
        .values(copies.slice(i, i + 100))
        .execute();
    const listed = await json<AssessmentListItem[]>('compliance list --office HQ-LEG --json');
    expect(listed.map((a) => a.id)).toEqual([...copies.map((c) => c.id).reverse(), first.id]);
  });
});
