import fs from 'node:fs';
import { throwIfAborted, type ReadContext } from './dataset.js';

/**
 * Chunks of 64 KiB: their decoded text stays a young object of V8's heap, which is collected almost
 * for free; megabyte chunks would land in the large-object space, freed only by full collections,
 * and the process would grow to several hundred megabytes of garbage on a large file.
 */
export const READ_CHUNK_BYTES = 64 * 1024;

/**
 * A file's bytes as a stream with backpressure (the next chunk is read only when the consumer asks
 * for it), reporting bytes read and stopping when the scan is cancelled.
 */
export async function* fileBytes(file: string, context: ReadContext): AsyncGenerator<Buffer> {
  const total = (await fs.promises.stat(file)).size;
  const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  let done = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfAborted(context.signal);
      done += chunk.length;
      context.onRead?.(done, total);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}
