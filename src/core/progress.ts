import cliProgress from 'cli-progress';

/**
 * Progress of long CLI work. Services never see a bar: they take an optional
 * `onProgress(done, total)` callback, and the CLI turns it into a bar (TTY), a few plain lines
 * (logs, pipes) or nothing (`--json`).
 */
export type ProgressCallback = (done: number, total: number, stage?: ProgressStage) => void;

/**
 * A stage of work done in passes (an import checks every row, then writes every row): each counts its
 * own units from 0, and the CLI names it.
 */
export type ProgressStage = 'check' | 'write';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** Where progress goes: stderr by default, so stdout stays clean for results and JSON. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

export interface ProgressOptions {
  /** In --json mode nothing is drawn: the caller is a program. */
  json?: boolean;
  stream?: ProgressStream;
}

/** A bar on an interactive stderr, occasional lines on a redirected one, silence for --json. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.json) return SILENT;
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

/**
 * The callback a service takes, drawing on `progress`. The bar starts at the first report, takes the
 * new total when it changes (a database that grows while it is copied), and starts again, under the
 * stage's own label, when a new stage begins.
 */
export function progressReporter(
  progress: Progress,
  label: string | Partial<Record<ProgressStage, string>>,
): ProgressCallback {
  let startedTotal: number | null = null;
  let startedStage: ProgressStage | undefined;
  return (done, total, stage) => {
    if (startedTotal !== null && stage !== startedStage) {
      progress.stop();
      startedTotal = null;
    }
    if (startedTotal !== total) {
      progress.start(total, typeof label === 'string' ? label : ((stage && label[stage]) ?? ''));
      startedTotal = total;
      startedStage = stage;
    }
    progress.update(done);
  };
}

/** The stages of a spreadsheet import, as the import commands name them. */
export const IMPORT_STAGES = { check: 'Checking rows', write: 'Writing' } as const satisfies Record<
  ProgressStage,
  string
>;

const SILENT: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };

class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private active = false;

  constructor(stream: ProgressStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: '{label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}',
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number, label: string): void {
    if (this.active) this.bar.setTotal(total);
    else this.bar.start(total, 0, { label });
    this.active = true;
  }

  update(done: number): void {
    if (this.active) this.bar.update(done);
  }

  stop(): void {
    if (this.active) this.bar.stop();
    this.active = false;
  }
}

/** Without a terminal: one line at each quarter, so a log shows that long work is moving. */
class LineProgress implements Progress {
  private total = 0;
  private label = '';
  private nextMark = 0;

  constructor(private readonly stream: ProgressStream) {}

  start(total: number, label: string): void {
    this.total = total;
    this.label = label;
    this.nextMark = 25;
  }

  update(done: number): void {
    const percent = this.total > 0 ? Math.floor((Math.min(done, this.total) * 100) / this.total) : 100;
    if (percent < this.nextMark) return;
    this.stream.write(`${this.label}: ${done}/${this.total} (${percent}%)\n`);
    this.nextMark = (Math.floor(percent / 25) + 1) * 25;
  }

  stop(): void {
    this.nextMark = Number.POSITIVE_INFINITY;
  }
}
