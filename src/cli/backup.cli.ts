import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { createProgress, progressReporter } from '../core/progress.js';
import { backupDatabase, type BackupResult } from '../db/backup.js';
import { restoreDatabase, type RestoreResult } from '../db/restore.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { cliConfig, cliContext, print } from './output.js';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('Copy the embedded SQLite database to FILE; safe while the server runs')
    .option('--force', 'overwrite FILE when it exists')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      const { db } = cliConfig(command);
      const progress = createProgress({ json: options.json });
      let result: BackupResult;
      try {
        result = await backupDatabase({
          dbUrl: db,
          file,
          force: options.force,
          onProgress: progressReporter(progress, 'Backing up'),
        });
      } finally {
        progress.stop();
      }
      print(options.json, result, (r) => `Backed up the database to ${r.file} (${formatBytes(r.bytes)}).`);
    });

  program
    .command('restore <file>')
    .description(
      'Replace the embedded SQLite database with a checked Custos backup (stop the server first); ' +
        'the current database is kept as <db>.before-restore-<time>',
    )
    .option('--yes', 'replace the existing database')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: { yes?: boolean; json?: boolean }, command: Command) => {
      const { db } = cliConfig(command);
      const progress = createProgress({ json: options.json });
      let result: RestoreResult;
      try {
        result = await restoreDatabase({
          dbUrl: db,
          file,
          yes: options.yes,
          clock: systemClock,
          verifyChain: (backup) =>
            new AuditService({ db: backup, clock: systemClock }).verify(cliContext(), {
              onProgress: progressReporter(progress, "Verifying the backup's audit chain"),
            }),
        });
      } finally {
        progress.stop();
      }
      print(options.json, result, renderRestore);
    });
}

export function renderRestore(r: RestoreResult): string {
  const lines = [
    `Restored ${r.database} from ${r.restored_from} (${r.events_checked} audit event(s) verified).`,
  ];
  if (r.previous) lines.push(`The previous database is kept as ${r.previous}.`);
  if (r.pending_migrations.length > 0) {
    lines.push(`At its next start Custos will migrate it (${r.pending_migrations.join(', ')}).`);
  }
  return lines.join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
