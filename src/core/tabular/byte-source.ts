import { errors } from '../errors.js';
import { formatBytes } from './limits.js';

/** What the readers accept: the whole file in memory, or a stream (a Node Readable is one). */
export type ByteInput = Uint8Array | AsyncIterable<Uint8Array | string>;

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export async function* byteChunks(input: ByteInput): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    yield toBuffer(input);
    return;
  }
  for await (const chunk of input) yield toBuffer(chunk);
}

/** Pass the bytes through, failing with 413 as soon as more than `maxBytes` have arrived. */
export async function* limitBytes(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw fileTooLarge(maxBytes);
    yield chunk;
  }
}

export function fileTooLarge(maxBytes: number) {
  return errors.payloadTooLarge(`The file is larger than the limit of ${formatBytes(maxBytes)}`, {
    limit_bytes: maxBytes,
  });
}

/** Read everything into one buffer, refusing more than `maxBytes`. */
export async function collectBytes(input: ByteInput, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of limitBytes(byteChunks(input), maxBytes)) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * Look at the first `size` bytes without losing them: `head` holds up to `size` bytes and `all`
 * yields the complete input again, head included. Only the chunks needed for the head are
 * buffered. Closing `all` (or calling `close` when `all` is never read) closes the input.
 */
export async function peekBytes(
  input: ByteInput,
  size: number,
): Promise<{ head: Buffer; all: AsyncGenerator<Buffer>; close: () => Promise<void> }> {
  const source = byteChunks(input);
  const { buffered, rest } = await peek(source, (chunks) => sum(chunks) >= size);
  return { head: Buffer.concat(buffered).subarray(0, size), all: rest, close: () => closeQuietly(source) };
}

function sum(chunks: readonly { length: number }[]): number {
  return chunks.reduce((total, chunk) => total + chunk.length, 0);
}

/**
 * Take items from `source` until `enough`, and give back a generator replaying them before the
 * rest. Its `finally` closes `source` even when it stops while replaying the buffered items.
 */
export async function peek<T>(
  source: AsyncGenerator<T>,
  enough: (buffered: readonly T[]) => boolean,
): Promise<{ buffered: T[]; rest: AsyncGenerator<T> }> {
  const buffered: T[] = [];
  let done = false;
  try {
    while (!enough(buffered)) {
      const next = await source.next();
      if (next.done) {
        done = true;
        break;
      }
      buffered.push(next.value);
    }
  } catch (error) {
    await closeQuietly(source);
    throw error;
  }
  async function* rest(): AsyncGenerator<T> {
    try {
      yield* buffered;
      if (!done) yield* source;
    } finally {
      await source.return(undefined);
    }
  }
  return { buffered, rest: rest() };
}

/** Close a generator, e.g. one that was never started, for cleanup on an error path. */
export async function closeQuietly(generator: AsyncGenerator<unknown>): Promise<void> {
  try {
    await generator.return(undefined);
  } catch {
    return;
  }
}
