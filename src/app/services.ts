import type { Clock } from '../core/clock.js';
import type { Db } from '../db/database.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { DepartmentService } from '../modules/org/department.service.js';
import { OfficeService } from '../modules/org/office.service.js';
import { PersonService } from '../modules/org/person.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { RegionService } from '../modules/org/region.service.js';
import type { Config } from './config.js';

/** The composition root: every service, wired with its dependencies explicitly. */
export function createServices(db: Db, clock: Clock, config: Config) {
  const deps = { db, clock };
  return {
    db,
    clock,
    config,
    accounts: new AccountsService(deps, {
      maxFailures: config.login.maxFailures,
      lockMinutes: config.login.lockMinutes,
      sessionHours: config.sessionHours,
    }),
    regions: new RegionService(deps),
    offices: new OfficeService(deps),
    departments: new DepartmentService(deps),
    people: new PersonService(deps),
    audit: new AuditService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
