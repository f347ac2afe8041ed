import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { type AppError } from '../../core/errors.js';
import { systemActor } from '../../core/permissions.js';
import { inTransaction } from '../../core/service-context.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { sampleExe, sampleHtml, samplePdf } from './testing/sample-files.js';

describeEachDialect('file store', ({ db }) => {
  let services: Services;
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const fileCount = async () =>
    Number(
      (
        await db()
          .kysely.selectFrom('files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(() => {
    services = createServices(
      db(),
      fixedClock('2026-12-01T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:', fileLimitBytes: 1024 }, {}),
    );
  });

  it('stores the same bytes once, whatever names they are given', async () => {
    const before = await fileCount();
    const a = await services.files.put(samplePdf('same'), 'a.pdf', ctx);
    const b = await services.files.put(samplePdf('same'), 'copy of a.pdf', ctx);
    expect(a.sha256).toBe(b.sha256);
    expect(a).toMatchObject({ name: 'a.pdf', type: 'application/pdf', size: samplePdf('same').length });
    expect(b.name).toBe('copy of a.pdf');
    expect(await fileCount()).toBe(before + 1);
    const stored = await services.files.get(a.sha256, 'a.pdf');
    expect(stored.content.equals(samplePdf('same'))).toBe(true);
  });

  it('refuses a file over the configured size limit with 413, storing nothing', async () => {
    const before = await fileCount();
    const big = Buffer.concat([samplePdf(), Buffer.alloc(2000, 0x20)]);
    const error = await services.files.put(big, 'big.pdf', ctx).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('payload_too_large');
    expect(await fileCount()).toBe(before);
  });

  it.each([
    ['an executable renamed .pdf', sampleExe()],
    ['an HTML page renamed .pdf', sampleHtml()],
  ])('refuses %s with 415, storing nothing', async (_what, bytes) => {
    const before = await fileCount();
    const error = await services.files.put(bytes, 'invoice.pdf', ctx).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('unsupported_media_type');
    expect(await fileCount()).toBe(before);
  });

  it('serves a download only to callers who may see an owning record', async () => {
    const file = await services.files.put(samplePdf('owned'), 'owned.pdf', ctx);
    const allowed = new Set<string>();
    services.files.registerOwner('test-owner', async (caller) => allowed.has(caller.actor.label));
    await inTransaction({ db: db(), clock: services.clock }, ctx, (trx, audit) =>
      services.files.attachIn(trx, audit, ctx, { owner_kind: 'test-owner', owner_id: 'x1' }, file),
    );
    const error = await services.files.download(ctx, file.sha256).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found');
    allowed.add('test');
    const got = await services.files.download(ctx, file.sha256);
    expect(got).toMatchObject({ name: 'owned.pdf', type: 'application/pdf' });
    const unattached = await services.files.put(samplePdf('orphan'), 'orphan.pdf', ctx);
    expect(
      ((await services.files.download(ctx, unattached.sha256).catch((e: unknown) => e)) as AppError).code,
    ).toBe('not_found');
  });
});
