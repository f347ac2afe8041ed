import type { ColumnDetections } from './classification.schema.js';
import { ColumnClassifier, type ColumnClassification, type SamplingMode } from './column-classifier.js';
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
    if (isHxlRow(headers)) this.tags = headers.map((h) => parseHxlTag(h));
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
      if (this.tags.length === 0 && isHxlRow(this.headers.map((_, i) => single(values[i])))) {
        this.tags = this.headers.map((_, i) => parseHxlTag(single(values[i])));
        this.start();
        return;
      }
      this.start();
    }
    this.rows++;
    const columns = this.columns!;
    const n = Math.min(columns.length, values.length);
    for (let i = 0; i < n; i++) {
      const value = values[i];
      if (typeof value === 'string') columns[i]!.feed(value);
      else if (value) for (const item of value) columns[i]!.feed(item);
    }
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
    const personContext = isAboutPeople(this.headers, this.tags, this.options.source);
    this.columns = this.headers.map(
      (name, i) =>
        new ColumnClassifier({
          name,
          description: this.options.descriptions?.[i] ?? null,
          hxl: this.tags[i] ?? null,
          personContext,
          match: this.options.match,
          ...(this.options.mode ? { mode: this.options.mode } : {}),
          ...(this.options.detectors ? { detectors: this.options.detectors } : {}),
        }),
    );
  }
}

function single(value: CellValues): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

/** The part of a classification the label policy and the JSON contract use. */
export function columnDetections(classification: DatasetClassification): ColumnDetections[] {
  return classification.columns.map(({ name, detections }) => ({ name, detections }));
}
