import { Command } from 'commander';
import { registerAuditCommands } from './audit.cli.js';
import { registerBackupCommands } from './backup.cli.js';
import { registerClassificationCommands } from '../modules/classification/classification.cli.js';
import { registerOrgCommands } from '../modules/org/org.cli.js';
import { registerDemoCommands } from '../modules/demo/demo.cli.js';
import { registerFrameworkCommands } from '../modules/frameworks/frameworks.cli.js';
import { registerAiActCommands } from '../modules/ai-registry/ai-act.cli.js';
import { registerInventoryCommands } from '../modules/inventory/inventory.cli.js';
import { registerUsageCommands } from '../modules/ai-usage/usage.cli.js';
import { registerServeCommands } from './serve.cli.js';
import { registerTokenCommands } from './token.cli.js';
import { registerUserCommands } from './user.cli.js';
import { runCli } from './output.js';

const program = new Command()
  .name('custos')
  .description('Custos: Data & AI Governance workbench')
  .option(
    '--db <url>',
    'database: sqlite:PATH or postgres://… (default: CUSTOS_DB or sqlite:./data/custos.db)',
  )
  .showHelpAfterError();

registerServeCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerUserCommands(program);
registerTokenCommands(program);
registerOrgCommands(program);
registerDemoCommands(program);
registerFrameworkCommands(program);
registerAiActCommands(program);
registerInventoryCommands(program);
registerClassificationCommands(program);
registerUsageCommands(program);

await runCli(program, process.argv);
