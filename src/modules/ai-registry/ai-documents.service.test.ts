import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { fixedClock } from '../../core/clock.js';
import { rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { sampleExe, sampleHtml, samplePdf } from '../files/testing/sample-files.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import { as } from './testing/ai-world.js';

describeEachDialect('AI system documents', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const admin = as('admin', 'admin@example.org');
  const card = Buffer.from('# Model card\n\nIntended use: answering questions.\n');

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'AID');
  });

  const system = (name: string) =>
    services.aiSystems.create(admin, { name, office_id: world.offices.kenya.id });
  const storedCopies = async (sha256: string) =>
    (await db().kysely.selectFrom('files').select('sha256').where('sha256', '=', sha256).execute()).length;
  const audited = async (id: string) =>
    (
      await db()
        .kysely.selectFrom('audit_events')
        .select(['action', 'office_id'])
        .where('entity_type', '=', 'file_attachment')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((event) => `${event.action}@${event.office_id}`);

  it('attaches, lists, downloads and removes a document, auditing each change; the bytes stay', async () => {
    const s = await system('Docs chatbot');
    const doc = await services.aiDocuments.attach(admin, s.id, 'model_card', {
      bytes: card,
      name: 'card.md',
    });
    expect(doc).toMatchObject({
      kind: 'model_card',
      owner_slot: 'model_card',
      owner_id: s.id,
      name: 'card.md',
      type: 'text/markdown',
      size: card.length,
      uploaded_by: 'admin@example.org',
      uploaded_at: '2026-11-30T09:00:00.000Z',
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const terms = await services.aiDocuments.attach(admin, s.id, 'vendor_terms', {
      bytes: samplePdf('terms'),
      name: 'terms.pdf',
    });
    expect((await services.aiDocuments.list(admin, s.id)).map((d) => [d.name, d.kind])).toEqual([
      ['card.md', 'model_card'],
      ['terms.pdf', 'vendor_terms'],
    ]);
    const file = await services.aiDocuments.file(admin, s.id, doc.sha256);
    expect(file.content.equals(card)).toBe(true);
    expect(file.name).toBe('card.md');

    await services.aiDocuments.detach(admin, s.id, doc.id);
    expect((await services.aiDocuments.list(admin, s.id)).map((d) => d.id)).toEqual([terms.id]);
    expect(await storedCopies(doc.sha256)).toBe(1);
    expect((await rejected(services.aiDocuments.file(admin, s.id, doc.sha256))).code).toBe('not_found');
    expect((await rejected(services.aiDocuments.detach(admin, s.id, doc.id))).code).toBe('not_found');
    expect(await audited(doc.id)).toEqual([
      `attach@${world.offices.kenya.id}`,
      `detach@${world.offices.kenya.id}`,
    ]);
  });

  it('stores the same content once; the same content twice on one system answers 409', async () => {
    const [a, b] = [await system('Dedupe A'), await system('Dedupe B')];
    const bytes = samplePdf('shared evaluation');
    const first = await services.aiDocuments.attach(admin, a.id, 'evaluation', { bytes, name: 'eval.pdf' });
    const second = await services.aiDocuments.attach(admin, b.id, 'other', { bytes, name: 'copy.pdf' });
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(await storedCopies(first.sha256)).toBe(1);
    const again = await rejected(
      services.aiDocuments.attach(admin, a.id, 'other', { bytes, name: 'again.pdf' }),
    );
    expect(again.code).toBe('conflict');
    expect(await services.aiDocuments.list(admin, a.id)).toHaveLength(1);
    // The file store's own download follows the registered owner rule for AI systems.
    expect((await services.files.download(admin, first.sha256)).content.equals(bytes)).toBe(true);
  });

  it('answers 404 outside the office scope, 403 without the permission, 400 for a bad kind, 415 for a bad type', async () => {
    const s = await system('Guarded system');
    const doc = await services.aiDocuments.attach(admin, s.id, 'model_card', {
      bytes: Buffer.from('# Guarded card\n'),
      name: 'guarded.md',
    });
    const elsewhere = as('governance_officer', 'go@example.org', [world.offices.senegal.id]);
    for (const call of [
      () => services.aiDocuments.list(elsewhere, s.id),
      () => services.aiDocuments.file(elsewhere, s.id, doc.sha256),
      () => services.aiDocuments.attach(elsewhere, s.id, 'other', { bytes: card, name: 'x.md' }),
      () => services.aiDocuments.detach(elsewhere, s.id, doc.id),
      () => services.files.download(elsewhere, doc.sha256),
    ])
      expect((await rejected(call())).code).toBe('not_found');

    const viewer = as('viewer', 'viewer@example.org');
    expect(await services.aiDocuments.list(viewer, s.id)).toHaveLength(1);
    expect((await rejected(services.aiDocuments.detach(viewer, s.id, doc.id))).code).toBe('forbidden');
    expect(
      (await rejected(services.aiDocuments.attach(viewer, s.id, 'other', { bytes: card, name: 'x.md' })))
        .code,
    ).toBe('forbidden');

    expect(
      (await rejected(services.aiDocuments.attach(admin, s.id, 'contract', { bytes: card, name: 'x.md' })))
        .code,
    ).toBe('validation_failed');
    for (const [bytes, name] of [
      [sampleHtml(), 'page.html'],
      [sampleExe(), 'tool.pdf'],
    ] as const)
      expect((await rejected(services.aiDocuments.attach(admin, s.id, 'other', { bytes, name }))).code).toBe(
        'unsupported_media_type',
      );
    // A document of another system is not this system's to remove.
    const other = await system('Other system');
    expect((await rejected(services.aiDocuments.detach(admin, other.id, doc.id))).code).toBe('not_found');
    expect((await services.aiDocuments.list(admin, s.id)).map((d) => d.id)).toEqual([doc.id]);
  });
});
