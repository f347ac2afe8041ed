import { spawn } from 'node:child_process';
import type { LoadResult } from './measure.js';

/*
 * HTTP load from a separate process, as a load generator on another machine would send it: the
 * server's process then spends its CPU on serving only, and `process.cpuUsage()` around a run is the
 * server's cost per request. `clients` keep-alive connections at once, each sending `perClient` GET
 * requests one after the other (after one warm-up request each), rotating over `paths`. Latency is
 * what each client waited for the whole response, body included.
 *
 * The clients speak HTTP/1.1 over plain sockets (like wrk): a request is one write, a response is
 * read to its last byte (Content-Length or chunked) and checked for status 200. fetch() cost the
 * clients about 1 ms of CPU per request, on the same two cores as the server. Requests go only to the
 * address given (the server the bench started on 127.0.0.1); any answer other than 200 stops the run.
 */
const CLIENT_CODE = `
const net = require('node:net');
const { base, headers, paths, clients, perClient } = JSON.parse(process.argv[1]);
const url = new URL(base);
const extra = Object.entries(headers).map(([name, value]) => name + ': ' + value + '\\r\\n').join('');
const CRLF2 = Buffer.from('\\r\\n\\r\\n');

/** Where the response that starts at 0 ends in buf, or -1 while it is incomplete. */
function responseEnd(buf) {
  const headEnd = buf.indexOf(CRLF2);
  if (headEnd < 0) return -1;
  const head = buf.toString('latin1', 0, headEnd).toLowerCase();
  const bodyStart = headEnd + 4;
  const length = /\\r\\ncontent-length: *(\\d+)/.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return buf.length >= end ? end : -1;
  }
  if (!/\\r\\ntransfer-encoding: *chunked/.test(head)) throw new Error('response without a length: ' + head);
  let at = bodyStart;
  for (;;) {
    const lineEnd = buf.indexOf('\\r\\n', at);
    if (lineEnd < 0) return -1;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      const end = buf.indexOf(CRLF2, lineEnd);
      return end < 0 ? -1 : end + 4;
    }
    at = lineEnd + 2 + size + 2;
    if (at > buf.length) return -1;
  }
}

function connect() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => resolve(connection));
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let waiting = null;
    const fail = (error) => {
      if (waiting) waiting.reject(error);
      else reject(error);
      waiting = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
    socket.on('data', (chunk) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      if (!waiting) return;
      let end;
      try {
        end = responseEnd(buf);
      } catch (error) {
        fail(error);
        return;
      }
      if (end < 0) return;
      const status = Number(buf.toString('latin1', 9, 12));
      buf = buf.subarray(end);
      const { resolve: done, reject: refuse, path } = waiting;
      waiting = null;
      if (status === 200) done();
      else refuse(new Error(path + ' answered ' + status));
    });
    const connection = {
      get(path) {
        return new Promise((resolve, reject) => {
          waiting = { resolve, reject, path };
          socket.write('GET ' + path + ' HTTP/1.1\\r\\nhost: ' + url.host + '\\r\\n' + extra + '\\r\\n');
        });
      },
      close: () => socket.destroy(),
    };
  });
}

(async () => {
  const connections = await Promise.all(Array.from({ length: clients }, connect));
  await Promise.all(connections.map((c, client) => c.get(paths[client % paths.length])));
  const times = [];
  const started = performance.now();
  await Promise.all(
    connections.map(async (c, client) => {
      for (let i = 0; i < perClient; i += 1) {
        const start = performance.now();
        await c.get(paths[(client * perClient + i) % paths.length]);
        times.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of connections) c.close();
  process.stdout.write(JSON.stringify({ times, seconds }));
})().catch((error) => {
  process.stderr.write(String(error));
  process.exit(1);
});
`;

export function httpUnderLoad(
  base: string,
  headers: Record<string, string>,
  paths: readonly string[],
  clients: number,
  perClient: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', CLIENT_CODE, JSON.stringify({ base, headers, paths, clients, perClient })],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new Error(`the load generator failed: ${err || `exit ${code}`}`));
        return;
      }
      const { times, seconds } = JSON.parse(out) as { times: number[]; seconds: number };
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
      resolve({
        requests: times.length,
        p50: at(0.5),
        p95: at(0.95),
        max: at(1),
        throughput: times.length / seconds,
      });
    });
  });
}
