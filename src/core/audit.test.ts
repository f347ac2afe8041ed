import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent, verifyChainSegment } from './audit.js';
import { canonicalJson } from './canonical-json.js';

function chain(n: number) {
  const events = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const base = {
      id: `e${i}`,
      at: `2026-11-30T10:00:0${i}.000Z`,
      actor_id: 'u1',
      actor_label: 'a@example.org',
      action: 'update',
      entity_type: 'region',
      entity_id: 'r1',
      office_id: null,
      before_json: canonicalJson({ name: `v${i - 1}` }),
      after_json: canonicalJson({ name: `v${i}` }),
      request_id: null,
      prev_hash: prev,
    };
    const event = { ...base, seq: i, hash: hashAuditEvent(base) };
    events.push(event);
    prev = event.hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain and returns its last hash', () => {
    const events = chain(5);
    expect(verifyChainSegment(events, GENESIS_HASH)).toEqual({ break: null, lastHash: events[4]!.hash });
  });

  it('names an event whose content was altered', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after_json: canonicalJson({ name: 'forged' }) };
    expect(verifyChainSegment(events, GENESIS_HASH).break).toEqual({
      seq: 3,
      id: 'e3',
      reason: 'hash_mismatch',
    });
  });

  it('names the event after a removed one', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChainSegment(events, GENESIS_HASH).break).toEqual({
      seq: 3,
      id: 'e3',
      reason: 'broken_link',
    });
  });

  it('hashes independently of key order in before/after', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });
});
