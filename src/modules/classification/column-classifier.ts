import type { Detection, DetectionSignal } from './classification.schema.js';
import {
  NONE,
  NO_HEADER,
  SHAPE,
  STRONG_HEADER,
  VALID,
  matchHeader,
  profileOf,
  type Detector,
  type HeaderStrength,
  type MatchContext,
  type Matcher,
  type Tally,
  type ValueProfile,
} from './detectors/detector.js';
import { DETECTORS } from './detectors/registry.js';
import { headerTokens } from './detectors/text.js';
import { hxlEvidence, type HxlTag } from './hxl.js';
import { maskValue } from './masking.js';
import { Reservoir } from './reservoir.js';
import { SIGNALLED, VerdictCache, detach } from './verdict-cache.js';

/**
 * `sample`: keep a uniform sample of up to `size` values over the whole stream and check those at
 * the end (bounded memory); `full`: check every value as it arrives (nothing kept but counts and
 * three masked examples per detector).
 */
export type SamplingMode = { kind: 'sample'; size: number; seed: number } | { kind: 'full' };

export const DEFAULT_SAMPLE_SIZE = 1000;
export const DEFAULT_SAMPLING: SamplingMode = { kind: 'sample', size: DEFAULT_SAMPLE_SIZE, seed: 1 };

/**
 * Characters of one value that the detectors look at (and that a sample keeps): a 50 MB cell
 * cannot stall a scan, and a sample of 1,000 values stays under about 2 MB per column.
 */
export const MAX_VALUE_CHARS = 1024;
const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_TRIES = 64;
/** Distinct value profiles (character classes × length) whose candidate runs a column keeps. */
const MAX_PROFILES = 4096;

export interface ColumnClassifierOptions {
  /** The column header as written in the file. */
  name: string;
  /** What the source says about the column besides its name (a database column comment): header evidence too. */
  description?: string | null;
  /** The column's HXL hashtag, when the file has a hashtag row. */
  hxl?: HxlTag | null;
  /** The dataset is about people (see `isAboutPeople`). */
  personContext?: boolean;
  mode?: SamplingMode;
  match: MatchContext;
  detectors?: readonly Detector[];
}

export interface ColumnClassification {
  name: string;
  /** Non-empty values fed. */
  values: number;
  /** Non-empty values checked: all of them with `full`, at most the sample size otherwise. */
  sampled: number;
  detections: Detection[];
}

interface DetectorRun {
  detector: Detector;
  header: HeaderStrength;
  /** The header names something else: values alone must not decide. */
  vetoed: boolean;
  /** Whether values can change the outcome; if not, the matcher is never run. */
  active: boolean;
  headerSignals: DetectionSignal[];
  matcher: Matcher | null;
  tally: Tally;
  /** Masked examples of validated values, then of values with the shape only. */
  validExamples: Examples;
  shapeExamples: Examples;
}

/** Distinct masked examples; masking stops after a few tries, so a long column of look-alikes costs nothing. */
interface Examples {
  items: string[];
  tries: number;
}

/**
 * Watches for opaque row numbers 1, 2, 3, … (or any run of consecutive integers): their digits
 * can look like anything, so such a column is only what its header says it is.
 */
class SequenceWatch {
  private previous: number | null = null;
  private consecutive = true;
  private count = 0;

  see(value: string): void {
    if (!this.consecutive) return;
    // /^\d{1,15}$/ without the pattern.
    let digits = value.length > 0 && value.length <= 15;
    for (let i = 0; digits && i < value.length; i++) {
      const c = value.charCodeAt(i);
      digits = c >= 48 && c <= 57;
    }
    if (!digits) {
      this.consecutive = false;
      return;
    }
    const n = Number(value);
    if (this.previous !== null && n !== this.previous + 1) this.consecutive = false;
    this.previous = n;
    this.count++;
  }

  get isRowNumbers(): boolean {
    return this.consecutive && this.count >= 3;
  }
}

/**
 * The incremental classifier of one column: `feed` every cell as the stream goes by, then
 * `finish` once for the detections. Memory stays bounded whatever the stream length: a sample of
 * at most N values (`sample` mode) or only counters (`full` mode). Raw values never leave it:
 * examples are masked before they are kept.
 */
export class ColumnClassifier {
  private readonly runs: DetectorRun[];
  private readonly reservoir: Reservoir<string> | null;
  private readonly sequence = new SequenceWatch();
  private readonly personContext: boolean;
  private readonly cache = new VerdictCache();
  /** Verdicts of a value that is not cached: reused, so checking a value allocates nothing. */
  private readonly scratch: Uint8Array;
  /** Profile key → indices of the runs to try (see `candidatesFor`). */
  private readonly candidates = new Map<number, Uint8Array>();
  private readonly profile = { chars: 0, length: 0 };
  private lastProfileKey = -1;
  private lastCandidates: Uint8Array = new Uint8Array(0);
  private values = 0;
  /** Values checked by the detectors (every value, or the sample). */
  private checked = 0;
  private finished = false;

  constructor(private readonly options: ColumnClassifierOptions) {
    const mode = options.mode ?? DEFAULT_SAMPLING;
    this.reservoir = mode.kind === 'sample' ? new Reservoir<string>(mode.size, mode.seed) : null;
    const tokens = headerTokens(
      options.description ? `${options.name} ${options.description}` : options.name,
    );
    const hxl = hxlEvidence(options.hxl);
    this.personContext = (options.personContext ?? false) || hxl.aboutPeople;
    const detectors = options.detectors ?? DETECTORS;
    this.scratch = new Uint8Array(2 * detectors.length);
    this.runs = detectors.map((detector) => {
      const fromHeader = matchHeader(tokens, detector.header);
      const fromHxl = hxl.strengths.get(detector.id) ?? NO_HEADER;
      const hxlVetoes = hxl.vetoed === 'all' || hxl.vetoed.has(detector.id);
      const header = Math.max(fromHxl, hxlVetoes ? NO_HEADER : fromHeader.strength) as HeaderStrength;
      const vetoed = fromHxl === NO_HEADER && (fromHeader.vetoed || hxlVetoes);
      return {
        detector,
        header,
        vetoed,
        active: !vetoed && !!detector.matcher && (header > NO_HEADER || !detector.needsHeader),
        headerSignals: fromHeader.signals,
        matcher: null,
        tally: { nonEmpty: 0, shape: 0, valid: 0, distinctive: 0, signalled: 0 },
        validExamples: { items: [], tries: 0 },
        shapeExamples: { items: [], tries: 0 },
      };
    });
  }

  /** One cell of the column; empty cells count for nothing. */
  feed(value: string | null | undefined): void {
    if (this.finished) throw new Error('ColumnClassifier.feed after finish');
    if (value === null || value === undefined) return;
    const text = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
    const trimmed = mayNeedTrim(text) ? text.trim() : text;
    if (trimmed === '') return;
    this.values++;
    this.sequence.see(trimmed);
    if (this.reservoir) this.reservoir.offer(trimmed, detach);
    else this.check(trimmed);
  }

  /** The detections, strongest first; call once, after the last `feed`. */
  finish(): ColumnClassification {
    if (this.finished) throw new Error('ColumnClassifier.finish called twice');
    this.finished = true;
    if (this.reservoir) for (const value of this.reservoir.sample()) this.check(value);
    const sampled = this.reservoir ? this.reservoir.sample().length : this.values;
    const detections: Detection[] = [];
    for (const run of this.runs) {
      // Row numbers 1..n fit many shapes; only a header naming the kind of data counts there.
      if (this.sequence.isRowNumbers && run.header !== STRONG_HEADER) continue;
      if (run.vetoed) continue;
      const assessment = run.detector.assess({
        tally: { ...run.tally, nonEmpty: this.checked },
        header: run.header,
        personContext: this.personContext,
        headerSignals: run.headerSignals,
      });
      if (!assessment) continue;
      const examples = [...run.validExamples.items];
      if (run.header > NO_HEADER)
        for (const example of run.shapeExamples.items)
          if (examples.length < MAX_EXAMPLES && !examples.includes(example)) examples.push(example);
      detections.push({
        type: run.detector.id,
        confidence: assessment.confidence,
        matched: assessment.matched,
        sampled,
        examples,
        ...(assessment.signals ? { signals: assessment.signals } : {}),
      });
    }
    return { name: this.options.name, values: this.values, sampled, detections: sortDetections(detections) };
  }

  /**
   * The runs whose prefilter lets a value of this profile through. A prefilter reads only the
   * profile (character classes and length) and whether there is a header, so its answer is kept
   * per profile: a value then costs one lookup instead of a call per detector.
   */
  private candidatesFor(profile: ValueProfile): Uint8Array {
    const key = profile.chars * (MAX_VALUE_CHARS + 1) + profile.length;
    // Values of a column mostly share one profile: the last answer first, without the map.
    if (key === this.lastProfileKey) return this.lastCandidates;
    const known = this.candidates.get(key) ?? this.runCandidates(profile, key);
    this.lastProfileKey = key;
    this.lastCandidates = known;
    return known;
  }

  private runCandidates(profile: ValueProfile, key: number): Uint8Array {
    const list: number[] = [];
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i]!;
      if (run.active && (!run.detector.prefilter || run.detector.prefilter(profile, run.header > NO_HEADER)))
        list.push(i);
    }
    const candidates = Uint8Array.from(list);
    if (this.candidates.size < MAX_PROFILES) this.candidates.set(key, candidates);
    return candidates;
  }

  private check(value: string): void {
    this.checked++;
    const cached = this.cache.lookup(value);
    if (cached) {
      this.count(cached, cached.length, value);
      return;
    }
    // Pairs (run index, verdict) of the runs that did not say NONE.
    const verdicts = this.scratch;
    let n = 0;
    const candidates = this.candidatesFor(profileOf(value, this.profile));
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k]!;
      const run = this.runs[i]!;
      const matcher = (run.matcher ??= run.detector.matcher!(this.options.match));
      const verdict = matcher(value);
      if (verdict === NONE) continue;
      verdicts[n++] = i;
      verdicts[n++] = run.detector.signal?.(value) ? verdict | SIGNALLED : verdict;
    }
    if (this.cache.wants(value)) this.cache.remember(value, verdicts.slice(0, n));
    this.count(verdicts, n, value);
  }

  private count(verdicts: Uint8Array, length: number, value: string): void {
    for (let k = 0; k < length; k += 2) {
      const run = this.runs[verdicts[k]!]!;
      const verdict = verdicts[k + 1]! & ~SIGNALLED;
      if (verdict === SHAPE) {
        run.tally.shape++;
        keepExample(run.shapeExamples, run.detector, value);
      } else {
        if (verdict === VALID) run.tally.valid++;
        else run.tally.distinctive++;
        keepExample(run.validExamples, run.detector, value);
      }
      if (verdicts[k + 1]! & SIGNALLED) run.tally.signalled++;
    }
  }
}

/**
 * Whether `trim` could change `text`: it is empty or starts or ends with a character that may be
 * white space (every one `trim` removes is a control character, a space or beyond U+009F).
 */
function mayNeedTrim(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 0xa0 || last <= 32 || last >= 0xa0;
}

/** Up to three distinct masked examples: three identical ones say nothing more than one. */
function keepExample(examples: Examples, detector: Detector, value: string): void {
  if (examples.items.length >= MAX_EXAMPLES || examples.tries >= MAX_EXAMPLE_TRIES) return;
  examples.tries++;
  const masked = (detector.mask ?? maskValue)(value);
  if (!examples.items.includes(masked)) examples.items.push(masked);
}

const CONFIDENCE_ORDER = { high: 0, medium: 1, low: 2 } as const;

function sortDetections(detections: Detection[]): Detection[] {
  return detections.sort(
    (a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] || b.matched - a.matched,
  );
}
