import { Worker } from 'node:worker_threads';
import type { LoadResult } from './measure.js';

/*
 * HTTP load from a worker thread, so the clients do not compete with the server for its event loop:
 * `clients` connections at once, each sending `perClient` GET requests one after the other (after one
 * warm-up request each), rotating over `paths`. Latency is what each client waited for the whole
 * response, body included. Requests go only to the address given (the server the bench started on
 * 127.0.0.1); any answer other than 200 stops the run.
 */
const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, headers, paths, clients, perClient } = workerData;
async function get(i) {
  const response = await fetch(base + paths[i % paths.length], { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(paths[i % paths.length] + ' answered ' + response.status);
}
(async () => {
  await Promise.all(Array.from({ length: clients }, (_, client) => get(client)));
  const times = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i += 1) {
        const start = performance.now();
        await get(client * perClient + i);
        times.push(performance.now() - start);
      }
    }),
  );
  parentPort.postMessage({ times, seconds: (performance.now() - started) / 1000 });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

export function httpUnderLoad(
  base: string,
  headers: Record<string, string>,
  paths: readonly string[],
  clients: number,
  perClient: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, {
      eval: true,
      workerData: { base, headers, paths, clients, perClient },
    });
    worker.once('error', reject);
    worker.once('message', (message: { times?: number[]; seconds?: number; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined || !message.times || message.seconds === undefined) {
        reject(new Error(message.error ?? 'no result'));
        return;
      }
      const times = message.times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
      resolve({
        requests: times.length,
        p50: at(0.5),
        p95: at(0.95),
        max: at(1),
        throughput: times.length / message.seconds,
      });
    });
  });
}
