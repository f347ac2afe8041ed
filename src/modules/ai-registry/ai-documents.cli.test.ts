import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import type { AiDocument } from './ai-documents.schema.js';
import type { AiSystem } from './ai-system.schema.js';

/* `custos ai system documents|attach|detach` run in-process on both dialects. */
describeCli('AI system document commands', ({ custos, ok, json }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-ai-docs-cli-'));
  const file = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  let system: AiSystem;

  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    system = await json<AiSystem>('ai system add --office KE-NBO --json --name', 'Docs assistant');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('attaches, lists and detaches documents; refuses a bad kind and a bad type', async () => {
    const card = file('model-card.md', '# Model card\n\nIntended use: drafting replies.\n');
    const attached = await json<AiDocument>(`ai system attach ${system.id} ${card} --kind model_card --json`);
    expect(attached).toMatchObject({ name: 'model-card.md', kind: 'model_card', type: 'text/markdown' });
    expect(await ok(`ai system documents ${system.id}`)).toContain('model-card.md');
    expect((await json<AiDocument[]>(`ai system documents ${system.id} --json`)).map((d) => d.id)).toEqual([
      attached.id,
    ]);

    const badKind = await custos(`ai system attach ${system.id} ${card} --kind contract`);
    expect(badKind.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    const page = file('terms.pdf', '<!DOCTYPE html><html><script>alert(1)</script></html>');
    const badType = await custos(`ai system attach ${system.id} ${page} --kind vendor_terms`);
    expect(badType.code).toBe(ERROR_CATALOGUE.unsupported_media_type.exit);

    expect(await ok(`ai system detach ${system.id} ${attached.id}`)).toContain(attached.id);
    expect(await ok(`ai system documents ${system.id}`)).toContain('No documents.');
    expect((await custos(`ai system detach ${system.id} ${attached.id}`)).code).toBe(
      ERROR_CATALOGUE.not_found.exit,
    );
  });
});
