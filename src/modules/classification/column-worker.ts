/**
 * A worker thread of a `--full` scan (see parallel-classifier.ts): it owns some columns of one
 * dataset and classifies every value of them, in the order of the rows, exactly as the scanner's
 * own thread would.
 *
 * Messages in: `{ kind: 'start', columns }` (the options of its columns), then `{ kind: 'values',
 * columns }` (per owned column, the values of a batch of rows in row order, packed), then
 * `{ kind: 'finish' }`.
 * Messages out: `{ kind: 'done' }` after each batch (the reader waits for these, so memory stays
 * bounded), `{ kind: 'result', columns }` after `finish`.
 */
import { parentPort } from 'node:worker_threads';
import { ColumnClassifier } from './column-classifier.js';
import type { ToWorker } from './parallel-classifier.js';

if (!parentPort) throw new Error('column-worker.ts runs as a worker thread');
const port = parentPort;
let classifiers: ColumnClassifier[] = [];

port.on('message', (message: ToWorker) => {
  if (message.kind === 'start') {
    classifiers = message.columns.map((options) => new ColumnClassifier(options));
  } else if (message.kind === 'values') {
    for (let c = 0; c < classifiers.length; c++) {
      const column = classifiers[c]!;
      const { text, ends } = message.columns[c]!;
      let start = 0;
      for (let i = 0; i < ends.length; i++) {
        column.feed(text.slice(start, ends[i]));
        start = ends[i]!;
      }
    }
    port.postMessage({ kind: 'done' });
  } else {
    port.postMessage({ kind: 'result', columns: classifiers.map((c) => c.finish()) });
  }
});
