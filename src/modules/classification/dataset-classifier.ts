import type { ColumnDetections } from './classification.schema.js';
import {
  ColumnClassifier,
  type ColumnClassification,
  type ColumnClassifierOptions,
  type SamplingMode,
} from './column-classifier.js';
import { STRONG_HEADER, matchHeader, type Detector, type MatchContext } from './detectors/detector.js';
import { personNameDetector } from './detectors/person-name.js';
import { headerTokens, phrase, hasPhrase } from './detectors/text.js';
import { hxlEvidence, isHxlRow, parseHxlTag, type HxlTag } from './hxl.js';

/** Words in a file, sheet or table name that say its rows are people. */
const PEOPLE_SOURCES = [
  'beneficiary',
  'beneficiaries',
  'refugee',
  'migrant',
  'asylum seeker',
  'idp',
  'staff',
  'employee',
  'personnel',
  'patient',
  'survivor',
  'respondent',
  'household',
  'registration',
  'caseload',
  'member',
  'bénéficiaire',
  'réfugié',
  'ménage',
  'enquêté',
  'beneficiario',
  'refugiado',
  'migrante',
  'encuestado',
  'hogar',
  'empleado',
].map(phrase);

/**
 * Whether a dataset is about people, from what is known before its rows: a column headed as a
 * person's name, an HXL hashtag for persons (#respondee, #beneficiary, #contact), or a source
 * name such as "beneficiaries_2024.xlsx". In such a dataset, weak hints (a "name" column, M/F
 * values) count for more.
 */
export function isAboutPeople(
  headers: readonly string[],
  tags: readonly (HxlTag | null)[],
  source?: string,
): boolean {
  if (tags.some((tag) => hxlEvidence(tag).aboutPeople)) return true;
  if (headers.some((h) => matchHeader(headerTokens(h), personNameDetector.header).strength === STRONG_HEADER))
    return true;
  const sourceTokens = source ? headerTokens(source) : [];
  return PEOPLE_SOURCES.some((p) => hasPhrase(sourceTokens, p));
}

export interface DatasetClassifierOptions {
  /** File, sheet or table name: part of the context. */
  source?: string;
  mode?: SamplingMode;
  match: MatchContext;
  detectors?: readonly Detector[];
  /** Per column, what the source says about it besides its name (database column comments). */
  descriptions?: readonly (string | null | undefined)[];
}

/** One cell as a reader gives it: a value, several (a JSON array under one field path), or none. */
export type CellValues = string | readonly string[] | null | undefined;

export interface DatasetClassification {
  /** Data rows fed (the HXL hashtag row excluded). */
  rows: number;
  /** The file had an HXL hashtag row (the first row under the headers). */
  hxl: boolean;
  columns: ColumnClassification[];
}

/**
 * Classifies every column of one table as its rows stream by. The first row is read as an HXL
 * hashtag row when it is one (or the headers themselves, when they are hashtags); the column
 * classifiers start after it, knowing their hashtags.
 */
export class DatasetClassifier {
  private columns: ColumnClassifier[] | null = null;
  private tags: (HxlTag | null)[] = [];
  private rows = 0;

  constructor(
    private readonly headers: readonly string[],
    private readonly options: DatasetClassifierOptions,
  ) {
    // Some HXL files carry the hashtags as their only header row.
    this.tags = headerHashtags(headers);
  }

  feedRow(cells: Readonly<Record<string, string>>): void {
    if (!this.columns) {
      const values = this.headers.map((h) => cells[h] ?? '');
      if (this.tags.length === 0 && isHxlRow(values)) {
        this.tags = values.map((v) => parseHxlTag(v));
        this.start();
        return;
      }
      this.start();
    }
    this.rows++;
    const columns = this.columns!;
    for (let i = 0; i < columns.length; i++) columns[i]!.feed(cells[this.headers[i]!]);
  }

  /** One row as values in the order of the headers: what the scanner's readers give, without a record per row. */
  feedValues(values: readonly CellValues[]): void {
    if (!this.columns) {
      const tags = hashtagRow(this.headers, this.tags, values);
      if (tags) {
        this.tags = tags;
        this.start();
        return;
      }
      this.start();
    }
    this.rows++;
    const columns = this.columns!;
    const n = Math.min(columns.length, values.length);
    for (let i = 0; i < n; i++) feedCell(columns[i]!, values[i]);
  }

  finish(): DatasetClassification {
    if (!this.columns) this.start();
    return {
      rows: this.rows,
      hxl: this.tags.some((t) => t !== null),
      columns: this.columns!.map((c) => c.finish()),
    };
  }

  private start(): void {
    this.columns = columnOptionsOf(this.headers, this.tags, this.options).map(
      (options) => new ColumnClassifier(options),
    );
  }
}

/** The hashtags of headers that are themselves an HXL hashtag row, else none yet. */
export function headerHashtags(headers: readonly string[]): (HxlTag | null)[] {
  return isHxlRow(headers) ? headers.map((h) => parseHxlTag(h)) : [];
}

/**
 * The hashtags of a first data row that is an HXL hashtag row (when the headers were not one), or
 * null when it is a row of data.
 */
export function hashtagRow(
  headers: readonly string[],
  tags: readonly (HxlTag | null)[],
  values: readonly CellValues[],
): (HxlTag | null)[] | null {
  if (tags.length > 0 || !isHxlRow(headers.map((_, i) => single(values[i])))) return null;
  return headers.map((_, i) => parseHxlTag(single(values[i])));
}

/** What each column's classifier is given, once the hashtags (if any) are known. */
export function columnOptionsOf(
  headers: readonly string[],
  tags: readonly (HxlTag | null)[],
  options: DatasetClassifierOptions,
): ColumnClassifierOptions[] {
  const personContext = isAboutPeople(headers, tags, options.source);
  return headers.map((name, i) => ({
    name,
    description: options.descriptions?.[i] ?? null,
    hxl: tags[i] ?? null,
    personContext,
    match: options.match,
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.detectors ? { detectors: options.detectors } : {}),
  }));
}

/** One cell of a row to its column: each value of a multi-valued cell, nothing for a missing one. */
export function feedCell(column: ColumnClassifier, value: CellValues): void {
  if (typeof value === 'string') column.feed(value);
  else if (value) for (const item of value) column.feed(item);
}

function single(value: CellValues): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

/** The part of a classification the label policy and the JSON contract use. */
export function columnDetections(classification: DatasetClassification): ColumnDetections[] {
  return classification.columns.map(({ name, detections }) => ({ name, detections }));
}
