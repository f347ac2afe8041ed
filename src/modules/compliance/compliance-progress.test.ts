import { describe, expect, it } from 'vitest';
import type { RequirementStatus } from './compliance.schema.js';
import { computeProgress, countStatuses, type ProgressRequirement } from './compliance-progress.js';

describe('countStatuses', () => {
  it.each<[string, (RequirementStatus | null)[], Partial<ReturnType<typeof countStatuses>>]>([
    ['nothing to count', [], { total: 0, score: null, assessed_percent: 0 }],
    ['nothing assessed', [null, null], { total: 2, unassessed: 2, score: null, assessed_percent: 0 }],
    ['all met', ['met', 'met'], { met: 2, score: 100, assessed_percent: 100 }],
    ['all not met', ['not_met'], { not_met: 1, score: 0, assessed_percent: 100 }],
    ['partial counts half', ['partial', 'met'], { partial: 1, met: 1, score: 75 }],
    ['one partial alone', ['partial'], { score: 50 }],
    [
      'not applicable is out of the score but counts as assessed',
      ['met', 'not_applicable', 'not_met', null],
      { not_applicable: 1, unassessed: 1, score: 50, assessed_percent: 75 },
    ],
    ['only not applicable: no score', ['not_applicable'], { score: null, assessed_percent: 100 }],
    ['unassessed is out of the score', ['met', null, null], { score: 100, assessed_percent: 33.3 }],
    ['rounds to one decimal', ['met', 'not_met', 'not_met'], { score: 33.3 }],
    ['two thirds', ['met', 'met', 'not_met'], { score: 66.7 }],
    ['partial and not met', ['partial', 'not_met', 'not_met', 'not_met'], { score: 12.5 }],
  ])('%s', (_name, statuses, expected) => {
    expect(countStatuses(statuses)).toMatchObject(expected);
  });

  it('adds up to the total', () => {
    const counts = countStatuses(['met', 'partial', 'not_met', 'not_applicable', null, null]);
    expect(counts).toEqual({
      total: 6,
      met: 1,
      partial: 1,
      not_met: 1,
      not_applicable: 1,
      unassessed: 2,
      score: 50,
      assessed_percent: 66.7,
    });
  });
});

describe('computeProgress', () => {
  const requirements: ProgressRequirement[] = [
    { id: 'x.chapter-1', group: true, themes: [] },
    { id: 'x.1', group: false, themes: ['transparency', 'accountability'] },
    { id: 'x.2', group: false, themes: ['transparency'] },
    { id: 'x.3', group: false, themes: ['retention'] },
    { id: 'x.4', group: false, themes: ['accountability'] },
  ];
  const themes = [
    { id: 'transparency', label: 'Transparency' },
    { id: 'accountability', label: 'Accountability' },
    { id: 'retention', label: 'Retention' },
    { id: 'redress', label: 'Redress' },
  ] as const;
  const statuses = new Map<string, RequirementStatus>([
    ['x.1', 'met'],
    ['x.2', 'partial'],
    ['x.3', 'not_applicable'],
    ['x.chapter-1', 'met'], // a heading never counts, even with a stray status
  ]);
  const progress = computeProgress(requirements, statuses, themes);

  it('counts requirements, never headings, overall', () => {
    expect(progress.overall).toMatchObject({
      total: 4,
      met: 1,
      partial: 1,
      not_applicable: 1,
      unassessed: 1,
      score: 75,
      assessed_percent: 75,
    });
  });

  it.each([
    ['transparency', { total: 2, met: 1, partial: 1, score: 75, assessed_percent: 100 }],
    ['accountability', { total: 2, met: 1, unassessed: 1, score: 100, assessed_percent: 50 }],
    ['retention', { total: 1, not_applicable: 1, score: null, assessed_percent: 100 }],
    ['redress', { total: 0, score: null, assessed_percent: 0 }],
  ])('counts the requirements tagged %s', (theme, expected) => {
    expect(progress.by_theme.find((row) => row.theme === theme)).toMatchObject(expected);
  });

  it('lists every theme given, in the order given, with its label', () => {
    expect(progress.by_theme.map((row) => [row.theme, row.label])).toEqual(
      themes.map((theme) => [theme.id, theme.label]),
    );
  });
});
