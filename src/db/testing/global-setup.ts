import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

/**
 * Find the PostgreSQL used by the dialect tests: CUSTOS_TEST_PG_URL, else 127.0.0.1:5432/test when
 * it answers. In CI a missing PostgreSQL is an error, never a silent skip.
 */
export default async function setup(project: TestProject): Promise<void> {
  const candidate = process.env.CUSTOS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 3000 });
  let url: string | null = candidate;
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    if (process.env.CI) {
      throw new Error(`PostgreSQL is required in CI but ${candidate} did not answer: ${String(error)}`, {
        cause: error,
      });
    }
    console.warn(`[custos] PostgreSQL not reachable at ${candidate}: PostgreSQL tests are skipped.`);
    url = null;
  } finally {
    await client.end().catch(() => undefined);
  }
  project.provide('pgUrl', url);
}
