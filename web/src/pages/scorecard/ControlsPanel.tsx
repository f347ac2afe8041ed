import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ScorecardOverall } from '@server/modules/scorecard/scorecard.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
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

interface FailingListProps {
  title: string;
  rows: ControlRow[];
  scope: AssetScope;
  none: string;
  line: (row: ControlRow) => string;
}

/** A titled list of controls, each with what fails and a link to the failing assets. */
function FailingList({ title, rows, scope, none, line }: FailingListProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{none}</Text>
      ) : (
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
      )}
    </Paper>
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
        <FailingList
          title={t('scorecard.worst')}
          rows={worstControls(rows)}
          scope={scope}
          none={t('scorecard.worstNone')}
          line={(row) =>
            `${t('scorecard.failingAssets', { count: row.failing })} · ${t('scorecard.passRateOf', {
              rate: row.rate === null ? '—' : formatPercent(row.rate, i18n.language),
            })}`
          }
        />
        <FailingList
          title={t('scorecard.overdue')}
          rows={overdueReviews(rows)}
          scope={scope}
          none={t('scorecard.overdueNone')}
          line={(row) => t('scorecard.overdueCount', { failing: row.failing, applicable: row.applicable })}
        />
      </SimpleGrid>
    </Stack>
  );
}
