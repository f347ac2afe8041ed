import type { AssessedRequirement, AssessmentProgress } from '@server/modules/compliance/compliance.schema';
import { describe, expect, it } from 'vitest';
import {
  groupRequirements,
  progressOption,
  progressTable,
  type ProgressTexts,
  type StatusFilter,
} from './assessment-view';

function requirement(id: string, overrides: Partial<AssessedRequirement> = {}): AssessedRequirement {
  return {
    requirement_id: id,
    parent: null,
    group: false,
    reference: id.toUpperCase(),
    title: `Title ${id}`,
    summary: null,
    themes: ['transparency'],
    status: null,
    not_applicable_reason: null,
    notes: null,
    evidence: [],
    risk_ids: [],
    assessed_by: null,
    assessed_at: null,
    version: 0,
    ...overrides,
  };
}

const requirements = [
  requirement('x.intro'),
  requirement('x.ch1', { group: true, reference: 'Chapter 1', title: 'Rules', themes: [] }),
  requirement('x.1', { parent: 'x.ch1', status: 'met', themes: ['transparency', 'retention'] }),
  // Under a requirement that is itself under the chapter: grouped with the chapter.
  requirement('x.1a', { parent: 'x.1', status: 'not_met', themes: ['retention'] }),
  requirement('x.ch2', { group: true, reference: 'Chapter 2', title: 'Rights', themes: [] }),
  requirement('x.2', { parent: 'x.ch2', status: 'not_applicable' }),
];
const texts = {
  ungrouped: 'General',
  theme: (id: string) => ({ transparency: 'Transparency', retention: 'Retention' })[id] ?? id,
};

describe('groupRequirements', () => {
  it('groups by the nearest heading, in framework order, with requirements outside any heading first', () => {
    const groups = groupRequirements(requirements, 'heading', null, texts);
    expect(groups.map((g) => [g.title, g.requirements.map((r) => r.requirement_id)])).toEqual([
      ['General', ['x.intro']],
      ['Chapter 1 — Rules', ['x.1', 'x.1a']],
      ['Chapter 2 — Rights', ['x.2']],
    ]);
  });

  it('groups by theme, by label, a requirement under each of its themes', () => {
    const groups = groupRequirements(requirements, 'theme', null, texts);
    expect(groups.map((g) => [g.title, g.requirements.map((r) => r.requirement_id)])).toEqual([
      ['Retention', ['x.1', 'x.1a']],
      ['Transparency', ['x.intro', 'x.1', 'x.2']],
    ]);
  });

  it.each<[StatusFilter, string[]]>([
    ['unassessed', ['x.intro']],
    ['met', ['x.1']],
    ['not_met', ['x.1a']],
    ['partial', []],
  ])('keeps only the %s requirements, dropping empty groups', (filter, ids) => {
    const groups = groupRequirements(requirements, 'heading', filter, texts);
    expect(groups.flatMap((g) => g.requirements.map((r) => r.requirement_id))).toEqual(ids);
    expect(groups.every((g) => g.requirements.length > 0)).toBe(true);
  });
});

const counts = (over: Partial<AssessmentProgress['overall']>) => ({
  total: 0,
  met: 0,
  partial: 0,
  not_met: 0,
  not_applicable: 0,
  unassessed: 0,
  score: null,
  assessed_percent: 0,
  ...over,
});
const progress: AssessmentProgress = {
  assessment_id: 'a',
  framework_id: 'x',
  overall: counts({ total: 3, met: 1, not_met: 1, unassessed: 1, score: 50 }),
  by_theme: [
    {
      theme: 'transparency',
      label: 'Transparency',
      ...counts({ total: 2, met: 1, unassessed: 1, score: 100 }),
    },
    { theme: 'redress', label: 'Redress', ...counts({}) },
    { theme: 'retention', label: 'Retention', ...counts({ total: 1, not_met: 1, score: 0 }) },
  ],
};
const progressTexts: ProgressTexts = {
  statuses: {
    met: 'Met',
    partial: 'Partial',
    not_met: 'Not met',
    not_applicable: 'N/A',
    unassessed: 'To do',
  },
  columns: { theme: 'Theme', total: 'Requirements', score: 'Score %', overall: 'Overall' },
  sheet: 'By theme',
};

describe('progress chart', () => {
  it('stacks each theme the framework addresses by status, labelled with its score', () => {
    const option = progressOption(progress, progressTexts) as {
      yAxis: { data: string[] };
      series: { name: string; data: (number | { value: number; label: { formatter: string } })[] }[];
    };
    expect(option.yAxis.data).toEqual(['Transparency', 'Retention']);
    expect(option.series.map((s) => s.name)).toEqual(['Met', 'Partial', 'Not met', 'N/A', 'To do']);
    expect(option.series[0]?.data).toEqual([1, 0]);
    expect(option.series[4]?.data.map((d) => typeof d === 'object' && d.label.formatter)).toEqual([
      '100%',
      '0%',
    ]);
  });

  it('draws nothing when the framework addresses no theme', () => {
    expect(progressOption({ ...progress, by_theme: [] }, progressTexts)).toBeNull();
  });

  it('downloads the same figures with the overall row last', () => {
    expect(progressTable(progress, progressTexts)).toEqual({
      name: 'By theme',
      columns: ['Theme', 'Requirements', 'Met', 'Partial', 'Not met', 'N/A', 'To do', 'Score %'],
      rows: [
        ['Transparency', 2, 1, 0, 0, 0, 1, 100],
        ['Retention', 1, 0, 0, 1, 0, 0, 0],
        ['Overall', 3, 1, 0, 1, 0, 1, 50],
      ],
    });
  });
});
