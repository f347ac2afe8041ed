import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/*
 * Random bytes come from a pool filled 4 KiB at a time: one system call per 256 ids instead of one
 * per id (a bulk import makes hundreds of thousands). The timestamp and counter follow uuid's own
 * monotonic rule, so ids made in the same millisecond still sort in the order they were made.
 */
const POOL = new Uint8Array(16 * 256);
let poolOffset = POOL.length;
const state = { msecs: -Infinity, seq: 0 };

function randomBytes16(): Uint8Array {
  if (poolOffset === POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  poolOffset += 16;
  return POOL.subarray(poolOffset - 16, poolOffset);
}

/** Time-ordered ids (UUIDv7): index-friendly on both dialects and sortable by creation. */
export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > state.msecs) {
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs += 1;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
