import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real CLI from the sources, as `custos` would, against the given database URL. */
export function runCli(args: string[], db: string): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, CUSTOS_DB: db, CUSTOS_CONFIG: path.join(root, 'no-such-config.yaml') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
