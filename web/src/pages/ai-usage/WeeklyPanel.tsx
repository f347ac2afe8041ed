import type { UsageReport } from '@server/modules/ai-usage/usage.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../../components/charts/ChartCard';
import { weeklyOption, weeklyTable, type WeeklyTexts } from './usage-view';

/** The weekly trend of AI, unapproved and high-risk requests, with its figures to download. */
export function WeeklyPanel({ report }: { report: UsageReport }) {
  const { t } = useTranslation();
  const texts: WeeklyTexts = useMemo(
    () => ({
      aiEvents: t('usage.columns.aiEvents'),
      unapproved: t('usage.columns.unapprovedEvents'),
      highRisk: t('usage.columns.highRiskEvents'),
      columns: {
        week: t('usage.columns.week'),
        events: t('usage.columns.events'),
        aiEvents: t('usage.columns.aiEvents'),
        unapproved: t('usage.columns.unapprovedEvents'),
        highRisk: t('usage.columns.highRiskEvents'),
        users: t('usage.columns.users'),
      },
      sheet: t('usage.weekly'),
    }),
    [t],
  );
  const option = useMemo(() => weeklyOption(report.weekly, texts), [report.weekly, texts]);
  return (
    <ChartCard
      title={t('usage.weekly')}
      option={option}
      table={weeklyTable(report.weekly, texts)}
      fileDate={report.period.to}
      empty={t('usage.noData')}
    />
  );
}
