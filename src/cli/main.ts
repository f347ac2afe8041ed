import { Command } from 'commander';
import { registerOrgCommands } from '../modules/org/org.cli.js';
import { registerServeCommands } from './serve.cli.js';
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
registerOrgCommands(program);

await runCli(program, process.argv);
