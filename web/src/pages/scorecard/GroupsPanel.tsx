import { Anchor, Table, Text } from '@mantine/core';
import type { Scorecard } from '@server/modules/scorecard/scorecard.schema';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../i18n/format';
import { Link } from 'react-router';
import { ChartCard } from '../../components/charts/ChartCard';
import { BandBadge } from './BandBadge';
import { barChartHeight, groupScoreOption, groupScoreTable } from './chart-options';
import { drillInto, type Drill } from './drill';
import { groupRows } from './scorecard-view';
import { useChartTexts } from './use-chart-texts';

interface GroupsPanelProps {
  scorecard: Scorecard;
  drill: Drill;
  hrefOf: (drill: Drill) => string;
  onDrill: (drill: Drill) => void;
}

/** The regions (or a region's offices) by score, worst first: a chart and the same as a table of links. */
export function GroupsPanel({ scorecard, drill, hrefOf, onDrill }: GroupsPanelProps) {
  const { t, i18n } = useTranslation();
  const texts = useChartTexts();
  const rows = useMemo(() => groupRows(scorecard.groups, t('scorecard.unassigned')), [scorecard, t]);
  const option = useMemo(
    () => (rows.length > 0 ? groupScoreOption(rows, texts.groups) : null),
    [rows, texts],
  );
  const title = drill.level === 'organisation' ? t('scorecard.byRegion') : t('scorecard.byOffice');
  return (
    <ChartCard
      title={title}
      option={option}
      table={groupScoreTable(rows, texts.groups)}
      height={barChartHeight(rows.length)}
      fileDate={scorecard.as_of}
      onItemClick={({ dataIndex }) => {
        const next = drillInto(drill, rows[dataIndex]?.key ?? null);
        if (next) onDrill(next);
      }}
    >
      {rows.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('scorecard.drillHint')}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label={`${title}: ${t('scorecard.groupsTable')}`} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('scorecard.name')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scorecard.assets')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scorecard.score')}
                  </Table.Th>
                  <Table.Th scope="col">{t('scorecard.band')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const next = drillInto(drill, row.key);
                  return (
                    <Table.Tr key={row.key ?? ''}>
                      <Table.Th scope="row" fw="normal">
                        {next ? (
                          <Anchor component={Link} to={hrefOf(next)}>
                            {row.name}
                          </Anchor>
                        ) : (
                          row.name
                        )}
                      </Table.Th>
                      <Table.Td ta="end">{row.assets}</Table.Td>
                      <Table.Td ta="end">
                        {row.score === null ? '—' : formatScore(row.score, i18n.language)}
                      </Table.Td>
                      <Table.Td>
                        <BandBadge band={row.band} size="sm" />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </ChartCard>
  );
}
