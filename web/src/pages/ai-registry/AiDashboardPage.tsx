import { Anchor, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { TIERS } from '@server/modules/ai-registry/ai-act.schema';
import {
  APPROVAL_STATUSES,
  LIFECYCLES,
  type AiSystemSummary,
} from '@server/modules/ai-registry/ai-system.schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAiSystemSummary } from '../../api/ai-systems';
import { ChartCard } from '../../components/charts/ChartCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatPartialDate } from '../../i18n/format';
import { barChartHeight } from '../scorecard/chart-options';
import { TierBadge } from './AiSystemBadges';
import { AiSystemsSummary } from './AiSystemsSummary';
import { countBarsOption, countRows, countTable, type CountRow } from './ai-dashboard-view';
import { ReviewSettingsCard } from './ReviewSettingsCard';

const systemLink = (id: string) => `/ai-systems/${encodeURIComponent(id)}`;

/** One chart of counts; a click on a bar opens the register filtered to it (when `filter` is given). */
function CountChart({
  title,
  column,
  rows,
  filter,
}: {
  title: string;
  column: string;
  rows: CountRow[];
  filter?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ChartCard
      title={title}
      option={countBarsOption(rows, t('aiDashboard.systems'))}
      table={countTable(title, [column, t('aiDashboard.systems')], rows)}
      height={barChartHeight(rows.length)}
      empty={t('aiDashboard.none')}
      onItemClick={
        filter
          ? (item) => {
              const row = rows[item.dataIndex];
              if (row) void navigate(`/ai-systems?${filter}=${encodeURIComponent(row.key)}`);
            }
          : undefined
      }
    />
  );
}

interface SystemsCardProps<R extends { id: string; name: string }> {
  title: string;
  /** The columns after the system's name. */
  columns: string[];
  rows: R[];
  /** One cell per column, for a row. */
  cells: (row: R) => ReactNode;
}

/** A card listing AI systems by name, each a link to its page, with a few facts each. */
function SystemsCard<R extends { id: string; name: string }>({
  title,
  columns,
  rows,
  cells,
}: SystemsCardProps<R>) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('aiDashboard.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                {[t('fields.name'), ...columns].map((column) => (
                  <Table.Th key={column} scope="col">
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={systemLink(row.id)}>
                      {row.name}
                    </Anchor>
                  </Table.Th>
                  {cells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function OverdueReviews({ summary }: { summary: AiSystemSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <SystemsCard
      title={t('aiDashboard.overdue.title')}
      columns={[t('aiRegistry.fields.tier'), t('aiDashboard.overdue.due'), t('aiDashboard.overdue.owner')]}
      rows={summary.overdue_reviews}
      cells={(row) => (
        <>
          <Table.Td>
            <TierBadge tier={row.tier} />
          </Table.Td>
          <Table.Td>
            <time dateTime={row.next_review_date}>
              {formatPartialDate(row.next_review_date, i18n.language)}
            </time>
          </Table.Td>
          <Table.Td>{row.owner_name ?? <Text c="dimmed">{t('aiDashboard.overdue.noOwner')}</Text>}</Table.Td>
        </>
      )}
    />
  );
}

function WithoutAssessment({ summary }: { summary: AiSystemSummary }) {
  const { t } = useTranslation();
  return (
    <SystemsCard
      title={t('aiDashboard.noDpia.title')}
      columns={[t('aiDashboard.noDpia.missing')]}
      rows={summary.high_risk_without_assessment}
      cells={(row) => (
        <Table.Td>
          {row.dpia_done ? t('aiDashboard.noDpia.noReference') : t('aiDashboard.noDpia.noDpia')}
        </Table.Td>
      )}
    />
  );
}

/** The AI systems in the reader's scope at a glance, with the reviews and assessments to chase. */
export function AiDashboardPage() {
  const { t } = useTranslation();
  const summary = useAiSystemSummary();
  const title = t('aiDashboard.title');
  const header = (
    <PageHeader
      title={title}
      trail={[{ label: t('aiRegistry.title'), to: '/ai-systems' }]}
      actions={
        <Button component={Link} to="/ai-systems" variant="default">
          {t('aiDashboard.openRegister')}
        </Button>
      }
    />
  );
  if (summary.isError)
    return (
      <>
        {header}
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    );
  if (!summary.data)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  const data = summary.data;
  const tierLabel = (key: string) =>
    key === 'unclassified'
      ? t('aiRegistry.unclassified')
      : t(`aiAct.result.tiers.${key as (typeof TIERS)[number]}.label`);
  const officeRows: CountRow[] = data.by_office.map((o) => ({
    key: o.office_id,
    label: o.name ?? o.office_id,
    count: o.count,
  }));
  const officeNames = new Map(data.by_office.map((o) => [o.office_id, o.name ?? o.office_id]));
  const departmentRows: CountRow[] = data.by_department.map((d) => ({
    key: `${d.office_id}/${d.department_id ?? ''}`,
    label: `${officeNames.get(d.office_id) ?? d.office_id} · ${d.name ?? t('aiDashboard.noDepartment')}`,
    count: d.count,
  }));
  return (
    <>
      {header}
      <Stack gap="md">
        <AiSystemsSummary />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CountChart
            title={t('aiDashboard.byTier')}
            column={t('aiRegistry.fields.tier')}
            rows={countRows(data.by_tier, [...TIERS, 'unclassified'], tierLabel)}
            filter="tier"
          />
          <CountChart
            title={t('aiDashboard.byApproval')}
            column={t('aiRegistry.fields.approval_status')}
            rows={countRows(data.by_approval_status, APPROVAL_STATUSES, (key) =>
              t(`aiRegistry.approval.${key as (typeof APPROVAL_STATUSES)[number]}`),
            )}
            filter="approval_status"
          />
          <CountChart
            title={t('aiDashboard.byLifecycle')}
            column={t('aiRegistry.fields.lifecycle')}
            rows={countRows(data.by_lifecycle, LIFECYCLES, (key) =>
              t(`aiRegistry.lifecycles.${key as (typeof LIFECYCLES)[number]}`),
            )}
            filter="lifecycle"
          />
          <CountChart
            title={t('aiDashboard.byOffice')}
            column={t('fields.office_id')}
            rows={officeRows}
            filter="office_id"
          />
          <CountChart
            title={t('aiDashboard.byDepartment')}
            column={t('fields.department_id')}
            rows={departmentRows}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <OverdueReviews summary={data} />
          <WithoutAssessment summary={data} />
        </SimpleGrid>
        <ReviewSettingsCard />
      </Stack>
    </>
  );
}
