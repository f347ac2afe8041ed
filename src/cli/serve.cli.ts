import type { Command } from 'commander';
import { openRuntime } from '../app/runtime.js';
import { buildServer } from '../http/server.js';
import { cliConfig, print } from './output.js';
import { openDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemActor } from '../core/permissions.js';
import { describeDemoLoad } from '../modules/demo/demo.cli.js';
import { startDailySnapshots } from '../modules/scorecard/scorecard.snapshots.js';
import { startReviewChecks } from '../modules/ai-registry/ai-review.service.js';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Migrate the database and serve the web app and API')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to bind (default: 0.0.0.0)')
    .option('--demo', 'load the fictional demo organisation first (see `custos demo`)')
    .action(async (options: { port?: string; host?: string; demo?: boolean }, command: Command) => {
      const config = cliConfig(command, { port: options.port, host: options.host });
      const services = await openRuntime(config);
      if (options.demo) {
        const result = await services.demo.load({ actor: systemActor('demo'), requestId: null });
        process.stdout.write(`\n${describeDemoLoad(result)}\n`);
      }
      const admin = await services.accounts.bootstrapAdmin(config.adminEmail, config.adminPassword);
      if (admin) {
        process.stdout.write(
          admin.password
            ? `\nFirst start: created the admin account\n  e-mail:   ${admin.email}\n  password: ${admin.password}\n(shown once; you will be asked to change it)\n\n`
            : `\nFirst start: created the admin account ${admin.email} with CUSTOS_ADMIN_PASSWORD\n\n`,
        );
      }
      const app = await buildServer({
        services,
        logger: { level: config.logLevel },
        webDist: config.webDist,
      });
      // Today's scorecard snapshot, checked hourly; stopped before the database closes.
      const snapshots = startDailySnapshots(services.scorecardSnapshots, app.log);
      app.addHook('onClose', () => snapshots.stop());
      // Overdue AI system reviews become actions for their owners, checked hourly.
      const reviews = startReviewChecks(services.aiReviews, app.log);
      app.addHook('onClose', () => reviews.stop());
      // Background jobs (scans, …) queued by any Custos process on this database.
      await services.jobRunner.start();
      app.addHook('onClose', () => services.jobRunner.stop());
      const shutdown = async () => {
        await app.close();
        await services.db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      process.stdout.write(
        `Custos is serving on http://localhost:${port} (database: ${services.db.dialect})\n`,
      );
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }, command: Command) => {
      const db = openDb(cliConfig(command).db, { sqliteReaders: 0 });
      try {
        const result = await migrateToLatest(db);
        print(options.json, result, (r) =>
          r.applied.length ? `Applied: ${r.applied.join(', ')}` : 'Schema is up to date',
        );
      } finally {
        await db.close();
      }
    });
}
