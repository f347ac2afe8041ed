import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createProgress,
  IMPORT_STAGES,
  progressReporter,
  type Progress,
  type ProgressStream,
} from './progress.js';

function captureStream(isTTY: boolean): { stream: ProgressStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 100;
  return { stream, text: () => chunks.join('') };
}

function run(progress: Progress, total: number): void {
  progress.start(total, 'Checking');
  for (let done = 0; done <= total; done += 1) progress.update(done);
  progress.stop();
}

describe('createProgress', () => {
  it('draws nothing in --json mode, even on a terminal', () => {
    const out = captureStream(true);
    run(createProgress({ json: true, stream: out.stream }), 50);
    expect(out.text()).toBe('');
  });

  it('writes a plain line at each quarter when stderr is not a terminal', () => {
    const out = captureStream(false);
    run(createProgress({ stream: out.stream }), 200);
    expect(out.text().trimEnd().split('\n')).toEqual([
      'Checking: 50/200 (25%)',
      'Checking: 100/200 (50%)',
      'Checking: 150/200 (75%)',
      'Checking: 200/200 (100%)',
    ]);
  });

  it('reports empty work once as complete on a non-terminal', () => {
    const out = captureStream(false);
    run(createProgress({ stream: out.stream }), 0);
    expect(out.text()).toBe('Checking: 0/0 (100%)\n');
  });

  it('draws a bar with the label and the final count on a terminal', () => {
    const out = captureStream(true);
    run(createProgress({ stream: out.stream }), 40);
    const text = out.text();
    expect(text).toContain('Checking [');
    expect(text).toContain('100% | 40/40');
  });

  it('ignores updates after stop', () => {
    const out = captureStream(false);
    const progress = createProgress({ stream: out.stream });
    progress.start(4, 'Copying');
    progress.update(1);
    progress.stop();
    progress.update(4);
    expect(out.text()).toBe('Copying: 1/4 (25%)\n');
  });
});

describe('progressReporter', () => {
  it('starts the progress at the first report and restarts it when the total changes', () => {
    const calls: string[] = [];
    const progress: Progress = {
      start: (total, label) => calls.push(`start ${total} ${label}`),
      update: (done) => calls.push(`update ${done}`),
      stop: () => calls.push('stop'),
    };
    const report = progressReporter(progress, 'Backing up');
    report(0, 10);
    report(5, 10);
    report(6, 12);
    expect(calls).toEqual(['start 10 Backing up', 'update 0', 'update 5', 'start 12 Backing up', 'update 6']);
  });

  it('ends one stage and starts the next under its own label, counting from its own start', () => {
    const out = captureStream(false);
    const report = progressReporter(createProgress({ stream: out.stream }), IMPORT_STAGES);
    for (let done = 1; done <= 4; done += 1) report(done, 4, 'check');
    for (let done = 1; done <= 2; done += 1) report(done, 4, 'write');
    report(4, 4, 'write');
    expect(out.text().trimEnd().split('\n')).toEqual([
      'Checking rows: 1/4 (25%)',
      'Checking rows: 2/4 (50%)',
      'Checking rows: 3/4 (75%)',
      'Checking rows: 4/4 (100%)',
      'Writing: 1/4 (25%)',
      'Writing: 2/4 (50%)',
      'Writing: 4/4 (100%)',
    ]);
  });
});
