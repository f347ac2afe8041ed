import path from 'node:path';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, encodeCursor, type Page, type PageQuery } from '../../core/pagination.js';
import { requirePermission } from '../../core/permissions.js';
import type { ProgressCallback } from '../../core/progress.js';
import { inTransaction, isUniqueViolation, type ServiceDeps } from '../../core/service-context.js';
import type { Directory } from './directory.js';
import {
  readLog,
  readLogFile,
  type FormatChoice,
  type LogFileReport,
  type ReadLogOptions,
} from './log-reader.js';
import { parseColumnMap } from './parsers/column-map.js';
import { Pseudonymiser } from './pseudonymise.js';
import type { UsageAlertService } from './usage-alerts.service.js';
import type { UsageAppService } from './usage-apps.service.js';
import type { OrganisationApp } from './usage-apps.js';
import { UsageRollup } from './usage-rollup.js';
import type { UsageRollupRows } from './usage-rows.js';
import { UsageRepository, type UsageFileRow } from './usage.repository.js';
import type { IngestResult, UsageFile } from './usage.schema.js';

export const USAGE_FILE_ENTITY = 'usage_file';

export interface IngestOptions {
  format: FormatChoice;
  /** `--map` as typed: `field=column,...`. */
  map?: string;
  /** user → department, office (read once by the caller, e.g. with directory.ts `readDirectoryFile`). */
  directory?: Directory;
  /** Bytes read so far and the file's size (files), or bytes so far (streams). */
  onProgress?: ProgressCallback;
}

/** A log to ingest: a file on this machine (CLI), or a byte stream (an upload). */
export type LogSource = { path: string } | { name: string; chunks: AsyncIterable<Buffer | Uint8Array> };

export function missingKeyError() {
  return errors.validation(
    'No pseudonymisation key is configured, so no log can be ingested: set CUSTOS_USAGE_KEY (at least 32 characters, e.g. `openssl rand -hex 32`) or usageKey in custos.config.yaml, and keep it secret and stable',
    [{ path: 'usageKey', message: 'required to ingest usage logs' }],
  );
}

/**
 * Ingesting proxy and DNS logs: read the file whole into in-memory roll-ups (users pseudonymised
 * with the configured key), then commit its roll-ups with its fingerprint in one transaction. A file
 * seen before (same SHA-256 of the content) changes nothing; a file that cannot be read (unknown
 * format, damaged gzip) writes nothing. 'usage.ingest' to ingest, 'usage.read' to list the files.
 */
export class UsageIngestService {
  private readonly repo = new UsageRepository();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly apps: UsageAppService,
    private readonly key: string | undefined,
    /** Evaluates the alert rules in each ingestion's transaction, when given. */
    private readonly alerts?: UsageAlertService,
  ) {}

  /** Whether a pseudonymisation key is configured (nothing can be ingested without one). */
  get configured(): boolean {
    return this.key !== undefined;
  }

  /** The same ingestion with another key: the demo's made-up log when no key is configured. */
  withKey(key: string): UsageIngestService {
    return new UsageIngestService(this.deps, this.apps, key, this.alerts);
  }

  async ingest(ctx: RequestContext, source: LogSource, options: IngestOptions): Promise<IngestResult> {
    requirePermission(ctx.actor, 'usage.ingest');
    if (this.key === undefined) throw missingKeyError();
    const organisation = await this.apps.organisation();
    const rollup = new UsageRollup({
      catalogue: organisation.catalogue,
      pseudonymiser: new Pseudonymiser(this.key),
      directory: options.directory,
    });
    const read: ReadLogOptions = {
      format: options.format,
      map: parseColumnMap(options.map),
      reference: this.deps.clock.now(),
      onProgress: options.onProgress,
    };
    const report =
      'path' in source
        ? await readLogFile(source.path, read, rollup)
        : await readLog(source.name, source.chunks, read, rollup);
    const name = 'path' in source ? path.basename(source.path) : source.name;
    return this.commit(ctx, { ...report, file: name }, rollup.rows(), organisation.apps);
  }

  async listFiles(ctx: RequestContext, page: PageQuery): Promise<Page<UsageFile>> {
    requirePermission(ctx.actor, 'usage.read');
    let before: { at: string; id: string } | undefined;
    if (page.cursor !== undefined) {
      const cursor = decodeCursor(page.cursor);
      if (typeof cursor.v !== 'string')
        throw errors.validation('Invalid cursor', [{ path: 'cursor', message: 'invalid' }]);
      before = { at: cursor.v, id: cursor.id };
    }
    const rows = await this.repo.listFiles(this.deps.db.kysely, page.limit + 1, before);
    const items = rows.slice(0, page.limit).map(presentFile);
    const last = items.at(-1);
    return {
      items,
      next_cursor: rows.length > page.limit && last ? encodeCursor(last.ingested_at, last.id) : null,
    };
  }

  private async commit(
    ctx: RequestContext,
    report: LogFileReport,
    rows: UsageRollupRows,
    apps: ReadonlyMap<string, OrganisationApp>,
  ): Promise<IngestResult> {
    const result = (
      status: IngestResult['status'],
      fileId: string,
      written: IngestResult['written'],
      alerts: IngestResult['alerts'] = null,
    ): IngestResult => ({
      file: report.file,
      status,
      file_id: fileId,
      fingerprint: report.sha256,
      format: report.format,
      compressed: report.compressed,
      lines: report.lines,
      events: report.events,
      ai_events: rows.totals.ai_events,
      skipped: report.skipped,
      malformed: report.malformed,
      malformed_examples: report.malformed_examples,
      period: rows.period,
      written,
      alerts,
    });
    const alreadyIngested = async () => {
      const earlier = await this.repo.fileByFingerprint(this.deps.db.kysely, report.sha256);
      return result('already_ingested', earlier!.id, { daily: 0, user_days: 0 });
    };
    if (await this.repo.fileByFingerprint(this.deps.db.kysely, report.sha256)) return alreadyIngested();
    const id = newId();
    let alerts: IngestResult['alerts'] = null;
    try {
      await inTransaction(this.deps, ctx, async (trx, audit) => {
        // The fingerprint first: a concurrent ingestion of the same file waits here, then fails.
        const file = {
          id,
          fingerprint: report.sha256,
          name: report.file,
          format: report.format,
          compressed: report.compressed ? 1 : 0,
          bytes: report.bytes,
          lines: report.lines,
          events: report.events,
          ai_events: rows.totals.ai_events,
          malformed: report.malformed,
          first_day: rows.period.from,
          last_day: rows.period.to,
          ingested_by: ctx.actor.label,
          ingested_at: isoNow(this.deps.clock),
        };
        await this.repo.insertFile(trx, file);
        // Counts add up; the users of a day already stored are merged with the file's.
        await this.repo.addRollups(trx, rows);
        const { id: _id, ingested_by: _by, ingested_at: _at, ...summary } = file;
        await audit({ action: 'import', entityType: USAGE_FILE_ENTITY, entityId: id, after: summary });
        // The alerts as of this file, in the same transaction: the file and its actions land together.
        if (this.alerts) alerts = await this.alerts.runIn(trx, audit, apps);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        if (await this.repo.fileByFingerprint(this.deps.db.kysely, report.sha256)) return alreadyIngested();
        // Another ingestion opened the same alert's action at the same moment: nothing was written.
        throw errors.conflict(
          'Another ingestion changed the AI usage alerts at the same moment; nothing was written, ingest the file again',
        );
      }
      throw error;
    }
    return result('ingested', id, { daily: rows.app_days.length, user_days: rows.user_days }, alerts);
  }
}

function presentFile(row: UsageFileRow): UsageFile {
  return { ...row, compressed: row.compressed === 1 };
}
