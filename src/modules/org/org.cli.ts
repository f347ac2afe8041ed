import type { Command } from 'commander';
import { registerDepartmentCommands } from './department.cli.js';
import { registerOfficeCommands } from './office.cli.js';
import { registerOrgImportCommands } from './org-import.cli.js';
import { registerPersonCommands } from './person.cli.js';
import { registerRegionCommands } from './region.cli.js';

/**
 * The organisation model on the command line: `custos region|office|department|person|org ...`.
 * Records are named by code (people by e-mail); one file per command group.
 */
export function registerOrgCommands(program: Command): void {
  registerRegionCommands(program);
  registerOfficeCommands(program);
  registerDepartmentCommands(program);
  registerPersonCommands(program);
  registerOrgImportCommands(program);
}
