import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ScorecardOverall } from '@server/modules/scorecard/scorecard.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ControlInfo } from '@server/modules/scorecard/scorecard-api.schema';
import { ChartCard } from '../../components/charts/ChartCard';
import { barChartHeight, controlBarsOption, controlTable } from './chart-options';
import {
  controlRows,
  failingAssetsLink,
  overdueReviews,
  worstControls,
  type AssetScope,
  type ControlRow,
} from './scorecard-view';
import { useChartTexts } from './use-chart-texts';

interface ControlsPanelProps {
  overall: ScorecardOverall;
  info: readonly ControlInfo[] | undefined;
  /** The region or office shown, to narrow the asset list links. */
  scope: AssetScope;
  asOf: string;
}

function FailingList({
  rows,
  scope,
  none,
  line,
}: {
  rows: ControlRow[];
  scope: ControlsPanelProps['scope'];
  none: string;
  line: (row: ControlRow) => string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{none}</Text>;
  return (
    <List spacing="xs" listStyleType="none" pl={0}>
      {rows.map((row) => (
        <List.Item key={row.id}>
          <Text fw={600}>{row.title}</Text>
          <Text size="sm">{line(row)}</Text>
          {row.failing > 0 && (
            <Anchor component={Link} to={failingAssetsLink(row.id, scope)} size="sm">
              {t('scorecard.seeAssets')}
            </Anchor>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Control by control: passing and failing assets, the worst controls, and overdue reviews. */
export function ControlsPanel({ overall, info, scope, asOf }: ControlsPanelProps) {
  const { t, i18n } = useTranslation();
  const texts = useChartTexts();
  const rows = useMemo(
    () => controlRows(overall.controls, info, i18n.language),
    [overall, info, i18n.language],
  );
  const option = useMemo(
    () => (rows.length > 0 ? controlBarsOption(rows, texts.controls) : null),
    [rows, texts],
  );
  return (
    <Stack gap="md">
      <ChartCard
        title={t('scorecard.controlBars')}
        option={option}
        table={controlTable(rows, texts.controls)}
        height={barChartHeight(rows.length)}
        fileDate={asOf}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-label={t('scorecard.worst')}>
          <Title order={2} size="h4" mb="sm">
            {t('scorecard.worst')}
          </Title>
          <FailingList
            rows={worstControls(rows)}
            scope={scope}
            none={t('scorecard.worstNone')}
            line={(row) =>
              `${t('scorecard.failingAssets', { count: row.failing })} · ${t('scorecard.passRateOf', {
                rate: row.rate?.toFixed(1) ?? '—',
              })}`
            }
          />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={t('scorecard.overdue')}>
          <Title order={2} size="h4" mb="sm">
            {t('scorecard.overdue')}
          </Title>
          <FailingList
            rows={overdueReviews(rows)}
            scope={scope}
            none={t('scorecard.overdueNone')}
            line={(row) => t('scorecard.overdueCount', { failing: row.failing, applicable: row.applicable })}
          />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
