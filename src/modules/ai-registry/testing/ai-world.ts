import type { RequestContext } from '../../../core/audit.js';
import type { Actor, Role } from '../../../core/permissions.js';

/** A caller for service tests: `label` is who the four-eyes rule compares; no offices = organisation-wide. */
export function as(role: Role, label: string, offices?: readonly string[]): RequestContext {
  const actor: Actor = {
    userId: null,
    label,
    role,
    scope: offices ? { kind: 'offices', officeIds: new Set(offices), regionIds: new Set() } : { kind: 'all' },
    personId: null,
    readOnly: false,
  };
  return { actor, requestId: null };
}

/** Answers that make a deployer's system high-risk (Annex III 7(b)), with a chatbot (Art. 50(1)). */
export const HIGH_RISK_ANSWERS = { 'ai.definition': true, 'annex3.7b': true, 'art50.1': true };
/** Answers that make a system limited-risk: a chatbot only. */
export const LIMITED_ANSWERS = { 'ai.definition': true, 'art50.1': true };
/** An Annex III point lifted by an Art. 6(3) condition, without profiling: the derogation. */
export const DEROGATION_ANSWERS = { 'ai.definition': true, 'annex3.4a': true, 'art6_3.d': true };
