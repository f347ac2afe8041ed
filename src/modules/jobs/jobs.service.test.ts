import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { systemActor, type Role } from '../../core/permissions.js';
import { inTransaction } from '../../core/service-context.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { JobRunner } from './job-runner.js';
import type { JobContext } from './jobs.service.js';

const admin: RequestContext = { actor: systemActor('test'), requestId: null };

/** A handler the test steers: each run waits until released, reports progress, and may fail. */
function steeredHandler() {
  const runs: JobContext<{ n: number; fail?: boolean }>[] = [];
  const discarded: number[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  return {
    runs,
    discarded,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    handler: {
      async run(ctx: JobContext<{ n: number; fail?: boolean }>) {
        runs.push(ctx);
        for (let i = 1; i <= 3; i += 1) ctx.onProgress(i, 3, `step ${i}`);
        await Promise.race([
          gate,
          new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())),
        ]);
        if (ctx.params.fail) throw new Error('the source could not be read');
        return { doubled: ctx.params.n * 2, stopped: ctx.signal.aborted };
      },
      async discard(params: { n: number }) {
        discarded.push(params.n);
      },
    },
  };
}

describeEachDialect('background jobs', ({ db }) => {
  let services: Services;
  let runner: JobRunner;
  const steer = steeredHandler();
  const clock = fixedClock('2026-11-30T10:00:00.000Z');
  const users: Record<string, RequestContext> = {};

  const user = async (name: string, role: Role): Promise<RequestContext> => {
    const created = await services.accounts.createUser(admin, {
      email: `${name}.${Date.now()}@example.org`,
      display_name: name,
      role,
      password: 'correct horse battery staple',
      scope_region_ids: [],
      scope_office_ids: [],
    });
    return {
      actor: {
        userId: created.id,
        label: created.email,
        role,
        scope: { kind: 'all' },
        personId: null,
        readOnly: false,
      },
      requestId: null,
    };
  };
  const enqueue = async (ctx: RequestContext, params: { n: number; fail?: boolean }) => {
    const job = await inTransaction(services, ctx, (trx) =>
      services.jobs.enqueueIn(trx, ctx, { kind: 'double', params }),
    );
    services.jobs.queued();
    return job;
  };

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    services.jobs.register('double', steer.handler);
    users.ana = await user('ana', 'viewer');
    users.ben = await user('ben', 'office_focal_point');
    runner = new JobRunner(services, services.jobs, { pollMs: 60_000, progressMs: 0 });
    await runner.start();
  });
  afterAll(() => runner.stop());

  it('runs a queued job with its handler and stores progress and result', async () => {
    const job = await enqueue(users.ana!, { n: 21 });
    expect(job).toMatchObject({ status: 'queued', created_by_label: users.ana!.actor.label });
    await runner.idle();
    const done = await services.jobs.get(users.ana!, job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { doubled: 42, stopped: false },
      progress: { done: 3, total: 3, message: 'step 3' },
      started_at: '2026-11-30T10:00:00.000Z',
      finished_at: '2026-11-30T10:00:00.000Z',
    });
  });

  it('marks a job whose handler throws as failed with its message', async () => {
    const job = await enqueue(users.ana!, { n: 1, fail: true });
    await runner.idle();
    expect(await services.jobs.get(users.ana!, job.id)).toMatchObject({
      status: 'failed',
      error: 'the source could not be read',
      result: null,
    });
  });

  it('stops a running job when it is cancelled and keeps what the handler returned', async () => {
    steer.hold();
    const job = await enqueue(users.ben!, { n: 5 });
    await expect.poll(async () => (await services.jobs.get(users.ben!, job.id)).status).toBe('running');
    const asked = await services.jobs.cancel(users.ben!, job.id);
    expect(asked).toMatchObject({ status: 'running', cancel_requested: true });
    await runner.idle();
    steer.release();
    expect(await services.jobs.get(users.ben!, job.id)).toMatchObject({
      status: 'cancelled',
      result: { doubled: 10, stopped: true },
    });
    await expect(services.jobs.cancel(users.ben!, job.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('cancels a queued job at once and lets its handler free what it holds', async () => {
    await runner.stop();
    try {
      const job = await enqueue(users.ben!, { n: 77 });
      expect(await services.jobs.cancel(users.ben!, job.id)).toMatchObject({ status: 'cancelled' });
      expect(steer.discarded).toContain(77);
    } finally {
      await runner.start();
    }
  });

  it("shows people only their own jobs and admins everyone's", async () => {
    const anas = await services.jobs.list(users.ana!, { limit: 50 });
    expect(anas.items.length).toBeGreaterThan(0);
    expect(anas.items.every((j) => j.created_by === users.ana!.actor.userId)).toBe(true);
    const someoneElses = (await services.jobs.list(users.ben!, { limit: 50 })).items[0]!;
    await expect(services.jobs.get(users.ana!, someoneElses.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(services.jobs.cancel(users.ana!, someoneElses.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const all = await services.jobs.list(admin, { limit: 50 });
    expect(new Set(all.items.map((j) => j.created_by))).toEqual(
      new Set([users.ana!.actor.userId, users.ben!.actor.userId]),
    );
    const failed = await services.jobs.list(admin, { limit: 50, status: 'failed' });
    expect(failed.items.map((j) => j.error)).toEqual(['the source could not be read']);
  });

  it('pages through jobs newest first', async () => {
    const all = (await services.jobs.list(admin, { limit: 500 })).items.map((j) => j.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await services.jobs.list(admin, { limit: 2, cursor });
      seen.push(...page.items.map((j) => j.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('refuses a cancel with a read-only token', async () => {
    const job = (await services.jobs.list(users.ana!, { limit: 1 })).items[0]!;
    const readOnly = { ...users.ana!, actor: { ...users.ana!.actor, readOnly: true } };
    const error = await services.jobs.cancel(readOnly, job.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('forbidden');
  });

  it('fails, on start, a running job whose process stopped sending heartbeats', async () => {
    await runner.stop();
    const job = await enqueue(users.ana!, { n: 3 });
    await db()
      .kysely.updateTable('jobs')
      .set({
        status: 'running',
        started_at: '2026-11-30T09:00:00.000Z',
        heartbeat_at: '2026-11-30T09:00:00.000Z',
      })
      .where('id', '=', job.id)
      .execute();
    await runner.start();
    expect(await services.jobs.get(users.ana!, job.id)).toMatchObject({
      status: 'failed',
      error: 'the process running this job stopped; start it again',
    });
  });

  it('claims each job once when several runners compete', async () => {
    await runner.stop();
    const others = [1, 2, 3].map(() => new JobRunner(services, services.jobs, { pollMs: 60_000 }));
    const before = steer.runs.length;
    const jobs = await Promise.all([10, 11, 12, 13, 14, 15].map((n) => enqueue(users.ana!, { n })));
    await Promise.all(others.map((r) => r.start()));
    await Promise.all(others.map((r) => r.idle()));
    await Promise.all(others.map((r) => r.stop()));
    expect(steer.runs.length - before).toBe(jobs.length);
    for (const job of jobs) expect((await services.jobs.get(admin, job.id)).status).toBe('succeeded');
    await runner.start();
  });

  it('leaves a job pinned to another runner for that runner', async () => {
    const job = await inTransaction(services, users.ana!, (trx) =>
      services.jobs.enqueueIn(trx, users.ana!, {
        kind: 'double',
        params: { n: 1 },
        runner_id: 'runner-elsewhere',
      }),
    );
    services.jobs.queued();
    await runner.idle();
    expect((await services.jobs.get(users.ana!, job.id)).status).toBe('queued');
  });
});
