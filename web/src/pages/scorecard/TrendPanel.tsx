import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScorecardTrend, type TrendRequest } from '../../api/scorecard';
import { ChartCard } from '../../components/charts/ChartCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { trendLines, trendOption, trendTable } from './chart-options';
import type { Drill } from './drill';
import { useChartTexts } from './use-chart-texts';

/** The scope's own line, and at the organisation and region levels one line per group below it. */
function trendRequests(
  drill: Drill,
  to: string | undefined,
): { scope: TrendRequest; children: TrendRequest | null } {
  switch (drill.level) {
    case 'organisation':
      return { scope: { by: 'organisation', to }, children: { by: 'region', to } };
    case 'region':
      return { scope: { by: 'region', key: drill.region, to }, children: { by: 'office', to } };
    case 'office':
      return { scope: { by: 'office', key: drill.office, to }, children: null };
  }
}

interface TrendPanelProps {
  drill: Drill;
  asOf: string | undefined;
  scopeName: string;
  /** Keys of the groups shown, to keep only their lines (a region's offices, not all offices). */
  groupKeys: readonly (string | null)[];
}

export function TrendPanel({ drill, asOf, scopeName, groupKeys }: TrendPanelProps) {
  const { t } = useTranslation();
  const texts = useChartTexts();
  const requests = trendRequests(drill, asOf);
  const scope = useScorecardTrend(requests.scope);
  const children = useScorecardTrend(requests.children ?? requests.scope);
  const lines = useMemo(() => {
    const unassigned = t('scorecard.unassigned');
    const own = trendLines(scope.data?.series ?? [], unassigned).map((line) => ({
      ...line,
      name: scopeName,
    }));
    if (!requests.children) return own.slice(0, 1);
    const keys = new Set(groupKeys);
    const below = (children.data?.series ?? []).filter((series) => keys.has(series.key));
    return [...own.slice(0, 1), ...trendLines(below, unassigned)];
  }, [scope.data, children.data, requests.children, groupKeys, scopeName, t]);
  const option = useMemo(() => (lines.length > 0 ? trendOption(lines) : null), [lines]);

  if (scope.isPending) return <Loading />;
  if (scope.isError) return <ErrorAlert error={scope.error} onRetry={() => void scope.refetch()} />;
  return (
    <ChartCard
      title={t('scorecard.trend')}
      option={option}
      table={trendTable(lines, texts.trend)}
      fileDate={asOf}
      empty={t('scorecard.trendEmpty')}
    />
  );
}
