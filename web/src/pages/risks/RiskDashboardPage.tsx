import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RiskSummary } from '@server/modules/risks/risk.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { useRiskSummary } from '../../api/risks';
import { ChartCard } from '../../components/charts/ChartCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatPartialDate } from '../../i18n/format';
import { LevelBadge } from './RiskBadges';
import { useScaleWords } from './RiskFormFields';
import { countsOption, countsTable, heatMapOption, heatMapTable, type HeatMapTexts } from './risk-view';

function HeatMaps({ summary }: { summary: RiskSummary }) {
  const { t } = useTranslation();
  const words = useScaleWords();
  const texts = (sheet: string): HeatMapTexts => ({
    likelihood: t('risks.likelihood'),
    impact: t('risks.impact'),
    count: t('risks.count'),
    likelihoodWords: words.likelihood,
    impactWords: words.impact,
    sheet,
  });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {(['inherent', 'residual'] as const).map((which) => {
        const title = t(`risks.heatMap.${which}`);
        return (
          <ChartCard
            key={which}
            title={title}
            option={heatMapOption(summary.heat_map[which], texts(title))}
            table={heatMapTable(summary.heat_map[which], texts(title))}
            height={360}
          />
        );
      })}
    </SimpleGrid>
  );
}

function Breakdowns({ summary }: { summary: RiskSummary }) {
  const { t } = useTranslation();
  const offices = useOfficeOptions();
  const byCategory = useMemo(
    () =>
      Object.entries(summary.by_category).map(([key, count]) => ({
        label: t(`risks.categories.${key as keyof RiskSummary['by_category'] & 'ai'}`),
        count,
      })),
    [summary, t],
  );
  const byOffice = summary.by_office.map((entry) => ({
    label: offices.data?.find((o) => o.id === entry.office_id)?.name ?? entry.office_id,
    count: entry.count,
  }));
  const columns = (first: string): [string, string] => [first, t('risks.count')];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartCard
        title={t('risks.byCategory')}
        option={countsOption(byCategory)}
        table={countsTable(byCategory, columns(t('risks.fields.category')), t('risks.byCategory'))}
        empty={t('risks.empty')}
      />
      <ChartCard
        title={t('risks.byOffice')}
        option={countsOption(byOffice)}
        table={countsTable(byOffice, columns(t('fields.office_id')), t('risks.byOffice'))}
        empty={t('risks.empty')}
      />
    </SimpleGrid>
  );
}

function Overdue({ summary }: { summary: RiskSummary }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatPartialDate(value, i18n.language) : '');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md" component="section" aria-label={t('risks.overdueTreatments')}>
        <Title order={3} size="h5" mb="sm">
          {t('risks.overdueTreatments')} ({summary.overdue_treatments.length})
        </Title>
        {summary.overdue_treatments.length === 0 ? (
          <Text c="dimmed">{t('risks.nothingOverdue')}</Text>
        ) : (
          <List spacing="xs">
            {summary.overdue_treatments.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/risks/${item.risk_id}`}>
                  {item.risk_title}
                </Anchor>
                {': '}
                {item.description} — {date(item.due_date)}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('risks.overdueReviews')}>
        <Title order={3} size="h5" mb="sm">
          {t('risks.overdueReviews')} ({summary.overdue_reviews.length})
        </Title>
        {summary.overdue_reviews.length === 0 ? (
          <Text c="dimmed">{t('risks.nothingOverdue')}</Text>
        ) : (
          <List spacing="xs">
            {summary.overdue_reviews.map((item) => (
              <List.Item key={item.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/risks/${item.id}`}>
                    {item.title}
                  </Anchor>
                  <LevelBadge level={item.level} />
                  {item.acceptance_expires_on && (
                    <Badge color="red" variant="light" tt="none">
                      {t('risks.accept.expiredOn', { date: date(item.acceptance_expires_on) })}
                    </Badge>
                  )}
                  {item.next_review_date && <Text size="sm">{date(item.next_review_date)}</Text>}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </SimpleGrid>
  );
}

/** The register at a glance: heat maps, breakdowns, and what is overdue. */
export function RiskDashboardPage() {
  const { t } = useTranslation();
  const summary = useRiskSummary();
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <>
      <PageHeader title={t('risks.dashboard')} trail={[{ label: t('risks.title'), to: '/risks' }]} />
      <Stack>
        <Text>{t('risks.dashboardIntro', { count: summary.data.total })}</Text>
        <HeatMaps summary={summary.data} />
        <Breakdowns summary={summary.data} />
        <Overdue summary={summary.data} />
      </Stack>
    </>
  );
}
