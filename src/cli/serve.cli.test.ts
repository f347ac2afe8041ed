import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-serve-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Start `custos serve` as a user would and collect stdout until it says where it listens. */
function startServe(args: string[], env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    {
      cwd: root,
      env: { ...process.env, CUSTOS_CONFIG: path.join(dir, 'none.yaml'), LOG_LEVEL: 'warn', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /serving on (http:\/\/localhost:\d+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url, output: () => stdout };
}

describe('custos serve', () => {
  it('creates the first admin once, prints its one-time password, and answers on the port', async () => {
    const server = startServe([], { CUSTOS_DB: `sqlite:${dir}/first.db` });
    try {
      const url = await server.url;
      expect(server.output()).toMatch(/e-mail: +admin@custos\.local\n +password: +\S{20}/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'sqlite' });
    } finally {
      server.child.kill('SIGTERM');
    }
  });

  it('with --demo loads the demo organisation and prints one sign-in per role', async () => {
    const server = startServe(['--demo'], { CUSTOS_DB: `sqlite:${dir}/demo.db` });
    try {
      await server.url;
      const out = server.output();
      expect(out).toContain('Loaded the demo organisation: 9 regions');
      expect(out).toMatch(
        /people, \d{4} data assets \(scored today: \d+ open actions\), \d+ AI systems, 2 assessments and \d+ risks\./,
      );
      for (const role of [
        'admin',
        'governance_officer',
        'regional_focal_point',
        'office_focal_point',
        'data_custodian',
        'auditor',
        'viewer',
      ]) {
        expect(out).toMatch(new RegExp(`^ +${role} +\\S+@custos-demo\\.org$`, 'm'));
      }
      expect(out).not.toContain('First start: created the admin account');
    } finally {
      server.child.kill('SIGTERM');
    }
    // The demo's thousands of audited assets take seconds on a quiet machine, far more on a busy one.
  }, 120_000);
});
