import { Command } from 'commander';
import { registerAiActCommands } from '../modules/ai-registry/ai-act.cli.js';
import { registerAiClassificationCommands } from '../modules/ai-registry/ai-classification.cli.js';
import { registerAiSystemCommands } from '../modules/ai-registry/ai-system.cli.js';
import { registerAiReviewCommands } from '../modules/ai-registry/ai-review.cli.js';
import { registerUsageCommands } from '../modules/ai-usage/usage.cli.js';
import { registerClassificationCommands } from '../modules/classification/classification.cli.js';
import { registerDemoCommands } from '../modules/demo/demo.cli.js';
import { registerFrameworkCommands } from '../modules/frameworks/frameworks.cli.js';
import { registerAssessmentCommands } from '../modules/assessments/assessments.cli.js';
import { registerInventoryCommands } from '../modules/inventory/inventory.cli.js';
import { registerActionCommands } from '../modules/actions/actions.cli.js';
import { registerScorecardCommands } from '../modules/scorecard/scorecard.cli.js';
import { registerOrgCommands } from '../modules/org/org.cli.js';
import { registerRolloutCommands } from '../modules/rollout/rollout.cli.js';
import { registerRiskCommands } from '../modules/risks/risk.cli.js';
import { registerComplianceCommands } from '../modules/compliance/compliance.cli.js';
import { registerJobCommands } from '../modules/jobs/jobs.cli.js';
import { registerScanCommands } from '../modules/classification/scans.cli.js';
import { registerAuditCommands } from './audit.cli.js';
import { registerBackupCommands } from './backup.cli.js';
import { registerServeCommands } from './serve.cli.js';
import { registerTokenCommands } from './token.cli.js';
import { registerUserCommands } from './user.cli.js';

/** The `custos` program with every command group: the CLI entry and the in-process CLI tests share it. */
export function buildProgram(): Command {
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
  registerAiSystemCommands(program);
  registerAiClassificationCommands(program);
  registerAiReviewCommands(program);
  registerInventoryCommands(program);
  registerRolloutCommands(program);
  registerScorecardCommands(program);
  registerActionCommands(program);
  registerClassificationCommands(program);
  registerUsageCommands(program);
  registerRiskCommands(program);
  registerComplianceCommands(program);
  registerAssessmentCommands(program);
  registerJobCommands(program);
  registerScanCommands(program);
  return program;
}
