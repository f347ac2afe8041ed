import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import type { AiClassification, AiSystem } from './ai-system.schema.js';
import { as, HIGH_RISK_ANSWERS } from './testing/ai-world.js';

/* `custos ai system|classification|register ...` run in-process on both dialects. */
describeCli('AI registry commands', ({ custos, ok, json, services }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-ai-cli-'));
  const file = (name: string) => path.join(dir, name);
  let system: AiSystem;

  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    await ok('department add --office KE-NBO --code DATA --name', 'Data unit');
    await ok('person add --email amina@example.org --office KE-NBO --name', 'Amina Odhiambo');
    system = await json<AiSystem>(
      'ai system add --office KE-NBO --department DATA --business-owner amina@example.org --model GPT-4o|OpenAI|gpai --app chatgpt --affected staff --public yes --lifecycle pilot --json --name',
      'Case assistant',
      '--description',
      'Drafts replies to beneficiaries',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds, lists, shows, updates and deletes systems', async () => {
    expect(system).toMatchObject({
      name: 'Case assistant',
      models: [{ name: 'GPT-4o', provider: 'OpenAI', general_purpose: true }],
      usage_app_ids: ['chatgpt'],
      affected_people: ['staff'],
      public: true,
      lifecycle: 'pilot',
    });
    expect(await ok('ai system list')).toContain('Case assistant');
    expect((await json<AiSystem[]>('ai system list --lifecycle pilot --json')).map((s) => s.id)).toEqual([
      system.id,
    ]);
    expect(await ok(`ai system show ${system.id}`)).toMatch(/^Tier: +unclassified$/m);
    const changed = await json<AiSystem>(`ai system update ${system.id} --approval approved --json`);
    expect(changed).toMatchObject({ approval_status: 'approved', version: 2 });
    const stale = await custos(`ai system update ${system.id} --version 1 --lifecycle production`);
    expect(stale.code).toBe(ERROR_CATALOGUE.version_conflict.exit);
    const bad = await custos('ai system add --office KE-NBO --lifecycle someday --name X');
    expect(bad.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(bad.stderr).toContain('--lifecycle');
    const other = await json<AiSystem>('ai system add --office KE-NBO --json --name', 'Temporary');
    await ok(`ai system delete ${other.id}`);
    expect((await custos(`ai system show ${other.id}`)).code).toBe(ERROR_CATALOGUE.not_found.exit);
  });

  it('sets languages, countries, alternatives and risks, refusing a bad code by its flag', async () => {
    const changed = await json<AiSystem>(
      `ai system update ${system.id} --languages en,FR --countries ke,SN --json --alternatives`,
      'Manual triage',
      '--risks',
      'Wrong replies; a caseworker checks each',
    );
    expect(changed).toMatchObject({
      languages: ['en', 'fr'],
      countries: ['KE', 'SN'],
      alternatives_considered: 'Manual triage',
      risks_and_mitigations: 'Wrong replies; a caseworker checks each',
    });
    const bad = await custos(`ai system update ${system.id} --languages en,xx`);
    expect(bad.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(bad.stderr).toContain('--languages');
    expect(bad.stderr).toContain('"xx" is not an ISO 639-1 language code');
    const cleared = await json<AiSystem>(`ai system update ${system.id} --json --countries`, '');
    expect(cleared.countries).toEqual([]);
  });

  it('runs the classification workflow, refusing the submitter as reviewer, and exports the public register', async () => {
    const answers = file('answers.json');
    fs.writeFileSync(answers, JSON.stringify({ role: 'deployer', answers: HIGH_RISK_ANSWERS }));
    const draft = await json<AiClassification>(
      `ai classification create ${system.id} --answers ${answers} --json`,
    );
    expect(draft).toMatchObject({ number: 1, tier: 'high', status: 'draft' });
    await ok(`ai classification submit ${system.id} 1`);
    const own = await custos(`ai classification review ${system.id} 1`);
    expect(own.code).toBe(ERROR_CATALOGUE.four_eyes_required.exit);
    expect(own.stderr).toContain('another person must review it');
    // A second person (a governance officer) starts the review and verifies.
    const officer = as('governance_officer', 'officer@example.org');
    const current = await services().aiClassifications.get(officer, system.id, 1);
    await services().aiClassifications.startReview(officer, system.id, 1, current.version);
    const verified = await services().aiClassifications.verify(officer, system.id, 1, {
      version: current.version + 1,
    });
    expect(verified.status).toBe('verified');

    for (const format of ['html', 'json', 'csv']) {
      const out = file(`register.${format}`);
      await ok(`ai register export ${out} --format ${format}`);
      const text = fs.readFileSync(out, 'utf8');
      expect(text).toContain('Case assistant');
      expect(text).not.toContain(system.id);
      expect(text).not.toContain('amina@example.org');
    }
    expect((await custos(`ai register export ${file('register.html')} --format html`)).code).toBe(
      ERROR_CATALOGUE.conflict.exit,
    );
    expect((await custos(`ai register export ${file('r.pdf')} --format pdf`)).code).toBe(
      ERROR_CATALOGUE.validation_failed.exit,
    );
  });

  it('exports to a spreadsheet and imports it back, with a dry run that writes nothing', async () => {
    const out = file('systems.csv');
    await ok(`ai system export ${out}`);
    const exported = fs.readFileSync(out, 'utf8');
    expect(exported).toContain('Case assistant');
    const edited = file('edited.csv');
    fs.writeFileSync(
      edited,
      'Name,Office code,Lifecycle\r\nImported tool,KE-NBO,idea\r\nBroken,KE-NBO,someday\r\n',
    );
    const dry = await custos(`ai system import ${edited} --dry-run`);
    expect(dry.code).toBe(ERROR_CATALOGUE.import_invalid.exit);
    expect(dry.stdout).toContain('row 3, Lifecycle');
    const refused = await custos(`ai system import ${edited}`);
    expect(refused.code).toBe(ERROR_CATALOGUE.import_invalid.exit);
    expect(await ok('ai system list --q imported')).not.toContain('Imported tool');
    fs.writeFileSync(edited, 'Name,Office code,Lifecycle\r\nImported tool,KE-NBO,idea\r\n');
    expect((await json<{ created: number }>(`ai system import ${edited} --json`)).created).toBe(1);
    expect(await ok('ai system list --q imported')).toContain('Imported tool');
  });
});
