import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { wordText, zipEntries } from '../frameworks/testing/zip-entries.js';
import type { AssessmentDetail, AssessmentSummary, TemplateSummary } from './assessments.schema.js';
import { pdfTextLines } from './testing/pdf-text.js';

/* `custos assessment ...` in-process on both dialects. */
describeCli('assessment commands', ({ custos, ok, json, services, ctx }) => {
  let dir: string;
  let assessment: AssessmentDetail;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-assessment-cli-'));
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    const office = (await services().offices.list(ctx, { limit: 50 })).items.find(
      (o) => o.code === 'KE-NBO',
    )!;
    assessment = await services().assessments.create(ctx, {
      template_id: 'ai-impact',
      title: 'Chatbot pour les réfugiés',
      subject_kind: 'text',
      subject_text: 'Assistant conversationnel',
      office_id: office.id,
    });
    await services().assessments.saveAnswers(ctx, assessment.id, {
      version: 1,
      answers: { process_description: 'Répondre aux questions fréquentes', frequency: 'daily' },
    });
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists templates and assessments, and shows one', async () => {
    const templates = await json<TemplateSummary[]>('assessment templates --json');
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['dpia', 'ai-impact', 'data-sharing', 'ai-vendor']),
    );
    expect(await ok('assessment templates')).toMatch(/^dpia +Data protection impact assessment/m);
    const list = await json<AssessmentSummary[]>('assessment list --status draft --json');
    expect(list.map((a) => [a.title, a.answered])).toEqual([['Chatbot pour les réfugiés', 2]]);
    expect(await ok(`assessment show ${assessment.id}`)).toMatch(/Answered: +2\/\d+/);
    expect((await custos('assessment list --status done')).code).toBe(2);
    expect((await custos('assessment show 0190f5d2-0000-7000-8000-000000000000')).code).toBe(5);
  });

  it('adds a template from a YAML file and deletes it again; refuses a file that is not a template', async () => {
    const file = path.join(dir, 'vendor-short.yaml');
    const shipped = fs.readFileSync(path.join('data', 'assessments', 'ai-vendor.yaml'), 'utf8');
    fs.writeFileSync(file, shipped.replace(/^id: ai-vendor$/m, 'id: vendor-short'));
    expect(await ok(`assessment template-add ${file}`)).toMatch(/^Added the template vendor-short: /);
    expect((await json<TemplateSummary[]>('assessment templates --json')).map((t) => t.id)).toContain(
      'vendor-short',
    );
    expect((await custos(`assessment template-add ${file}`)).code).not.toBe(0);
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'id: [unclosed');
    const refused = await custos(`assessment template-add ${broken}`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not valid YAML or JSON/);
    expect(await ok('assessment template-remove vendor-short')).toBe('Deleted the template vendor-short\n');
    expect((await custos('assessment template-remove ai-vendor')).code).not.toBe(0);
  });

  it('exports DOCX and PDF files in the chosen language, refusing to overwrite without --force', async () => {
    const docx = path.join(dir, 'a.docx');
    const pdf = path.join(dir, 'a.pdf');
    expect(await ok(`assessment export ${assessment.id} --lang fr --docx ${docx} --pdf ${pdf}`)).toContain(
      `Saved the PDF report as ${pdf}`,
    );
    expect(wordText(zipEntries(fs.readFileSync(docx)).get('word/document.xml')!.toString('utf8'))).toContain(
      'Répondre aux questions fréquentes',
    );
    expect(pdfTextLines(fs.readFileSync(pdf)).join('\n')).toContain('Quotidiennement');
    expect((await custos(`assessment export ${assessment.id} --pdf ${pdf}`)).code).toBe(6);
    expect((await custos(`assessment export ${assessment.id} --pdf ${pdf} --force --json`)).code).toBe(0);
    expect((await custos(`assessment export ${assessment.id}`)).code).toBe(2);
    expect((await custos(`assessment export ${assessment.id} --pdf ${pdf} --force --lang de`)).code).toBe(2);
  });
});
