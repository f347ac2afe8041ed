import type { SystemTemplate } from './demo-inventory-catalogue.js';
import { FIELD_SYSTEMS } from './demo-systems-field.js';
import { PROGRAMME_SYSTEMS } from './demo-systems-programmes.js';
import { SUPPORT_SYSTEMS } from './demo-systems-support.js';

/** Every system a demo office may run, in the order offices record them. */
export const SYSTEMS: Readonly<Record<string, SystemTemplate>> = {
  caseManagement: PROGRAMME_SYSTEMS.caseManagement!,
  protection: PROGRAMME_SYSTEMS.protection!,
  health: FIELD_SYSTEMS.health!,
  kobo: FIELD_SYSTEMS.kobo!,
  sharepoint: SUPPORT_SYSTEMS.sharepoint!,
  erp: SUPPORT_SYSTEMS.erp!,
  hr: SUPPORT_SYSTEMS.hr!,
  archive: SUPPORT_SYSTEMS.archive!,
  dtm: FIELD_SYSTEMS.dtm!,
};

/** The systems each HQ department runs (country offices run those whose unit they have). */
export const HQ_SYSTEMS: Readonly<Record<string, readonly string[]>> = {
  'HQ-ICT': ['sharepoint', 'kobo'],
  'HQ-LEG': ['sharepoint', 'archive'],
  'HQ-DPO': ['sharepoint'],
  'HQ-HR': ['hr', 'sharepoint', 'archive'],
  'HQ-FIN': ['erp', 'sharepoint', 'archive'],
  'HQ-PRG': ['caseManagement', 'sharepoint'],
  'HQ-MH': ['health', 'sharepoint'],
  'HQ-PRT': ['protection', 'caseManagement'],
  'HQ-EMR': ['kobo', 'sharepoint'],
  'HQ-OIG': ['sharepoint', 'archive'],
  'HQ-COM': ['sharepoint'],
  'HQ-DAT': ['dtm', 'kobo', 'sharepoint'],
};
