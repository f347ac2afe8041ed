import { describe, expect, it } from 'vitest';
import type { ColumnDetections, Detection, DetectorId } from './classification.schema.js';
import { loadLabelPolicy } from './label-policy.js';
import { confirmLabel, proposeLabel } from './label-proposal.js';

const policy = loadLabelPolicy();

function column(
  name: string,
  type: DetectorId,
  confidence: Detection['confidence'],
  extra: Partial<Detection> = {},
): ColumnDetections {
  return { name, detections: [{ type, confidence, matched: 998, sampled: 1000, examples: [], ...extra }] };
}

describe('proposing a label', () => {
  it.each<[string, ColumnDetections[], string]>([
    ['nothing personal', [{ name: 'sku', detections: [] }], 'Public'],
    [
      'quasi-identifiers only',
      [column('sexo', 'gender', 'high'), column('nacionalidad', 'nationality', 'medium')],
      'Internal',
    ],
    ['a direct identifier', [column('telefono', 'phone', 'high')], 'Confidential'],
    ['a credential', [column('password', 'credential', 'high')], 'Confidential'],
    ['health data alone', [column('diagnosis', 'health', 'high')], 'Strictly Confidential'],
    ['biometric data', [column('fingerprint', 'biometric', 'medium')], 'Strictly Confidential'],
    [
      'direct identifiers with religion',
      [column('nombre', 'person_name', 'high'), column('religión', 'religion', 'high')],
      'Strictly Confidential',
    ],
    [
      'protection case notes',
      [column('notes', 'free_text_personal', 'high', { signals: ['protection'] })],
      'Strictly Confidential',
    ],
    [
      'only low-confidence findings',
      [column('col', 'health', 'low'), column('col2', 'phone', 'low')],
      'Public',
    ],
  ])('%s → %s', (_name, columns, label) => {
    expect(proposeLabel(columns, policy).proposed).toBe(label);
  });

  it('gives its reasons column by column, decisive findings first', () => {
    const proposal = proposeLabel(
      [column('telefono', 'phone', 'high'), column('sexo', 'gender', 'high'), column('x', 'health', 'low')],
      policy,
    );
    expect(proposal).toEqual({
      proposed: 'Confidential',
      rule: 'direct identifiers (names, contacts, IDs, case numbers, precise location of persons) or secrets → Confidential',
      reasons: [
        'column `telefono`: phone, high, 998/1000 sampled',
        'column `sexo`: gender, high, 998/1000 sampled',
        'column `x`: health, low, 998/1000 sampled (below medium, not counted)',
      ],
    });
  });

  it('proposes Public only with a reason that a person must confirm it', () => {
    const proposal = proposeLabel(
      [
        { name: 'a', detections: [] },
        { name: 'b', detections: [] },
      ],
      policy,
    );
    expect(proposal.rule).toMatch(/only proposed, a person must confirm/);
    expect(proposal.reasons).toEqual(['no detection at medium confidence or above in 2 column(s)']);
  });

  it('names the signal in the reason', () => {
    const proposal = proposeLabel(
      [column('notes', 'free_text_personal', 'high', { signals: ['protection'] })],
      policy,
    );
    expect(proposal.reasons[0]).toBe(
      'column `notes`: free_text_personal (protection), high, 998/1000 sampled',
    );
  });

  it('proposes the highest label when no rule of an edited policy applies', () => {
    const strict = { ...policy, rules: policy.rules.filter((r) => r.label !== 'Public') };
    expect(proposeLabel([{ name: 'a', detections: [] }], strict)).toMatchObject({
      proposed: 'Strictly Confidential',
      rule: expect.stringMatching(/no rule of the policy applies/),
    });
  });

  it('supports all_of rules in an edited policy', () => {
    const combined = {
      ...policy,
      rules: [
        {
          label: 'Strictly Confidential',
          when: { all_of: ['direct_identifier' as const, 'quasi_identifier' as const] },
          reason: 'both',
        },
        ...policy.rules.slice(1),
      ],
    };
    expect(
      proposeLabel([column('tel', 'phone', 'high'), column('sex', 'gender', 'high')], combined).proposed,
    ).toBe('Strictly Confidential');
    expect(proposeLabel([column('tel', 'phone', 'high')], combined).proposed).toBe('Confidential');
  });
});

describe('confirming a label', () => {
  it('accepts the proposed label without a justification', () => {
    expect(confirmLabel({ proposed: 'Confidential', chosen: 'Confidential' }, policy)).toEqual({
      ok: true,
      label: 'Confidential',
      change: 'as_proposed',
      justification: null,
    });
  });

  it.each([
    [
      'raising above the proposal',
      'Confidential',
      'Strictly Confidential',
      undefined,
      /overriding the proposed Confidential/,
    ],
    [
      'lowering below the proposal',
      'Confidential',
      'Internal',
      undefined,
      /lowering the label below the proposed Confidential/,
    ],
    [
      'lowering below the current label',
      'Internal',
      'Internal',
      'Confidential',
      /lowering the label below the current Confidential/,
    ],
  ])('needs a justification for %s', (_name, proposed, chosen, current, message) => {
    const refused = confirmLabel({ proposed, chosen, current, justification: ' short ' }, policy);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues).toEqual([
      { path: 'justification', message: expect.stringMatching(message) },
    ]);
  });

  it('accepts an override with a justification and says which way it went', () => {
    const lowered = confirmLabel(
      {
        proposed: 'Confidential',
        chosen: 'Internal',
        justification: 'Phone numbers are the office switchboard.',
      },
      policy,
    );
    expect(lowered).toEqual({
      ok: true,
      label: 'Internal',
      change: 'lowered',
      justification: 'Phone numbers are the office switchboard.',
    });
    const raised = confirmLabel(
      { proposed: 'Internal', chosen: 'Confidential', justification: 'Names appear in the free text.' },
      policy,
    );
    expect(raised.ok && raised.change).toBe('raised');
  });

  it('refuses labels the policy does not know', () => {
    const refused = confirmLabel({ proposed: 'Internal', chosen: 'Top Secret', current: 'Nope' }, policy);
    expect(!refused.ok && refused.issues.map((i) => i.path)).toEqual(['label', 'current']);
  });
});
