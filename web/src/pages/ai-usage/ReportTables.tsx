import { Table, Text } from '@mantine/core';
import type { UsageReport } from '@server/modules/ai-usage/usage.schema';
import { useTranslation } from 'react-i18next';
import { AppNameCell, StatusRiskCells } from './UsageBadges';
import { byteSize, categoryId } from './usage-view';

type ReportApp = UsageReport['apps'][number];

/** A report category label in the reader's language. */
function useCategory() {
  const { t } = useTranslation();
  return (label: string) => {
    const id = categoryId(label);
    return id ? t(`usage.category.${id}`) : label;
  };
}

interface AppsTableProps {
  apps: readonly ReportApp[];
  caption: string;
  empty: string;
}

/** Apps with their status and risk in words, most used first. */
export function ReportAppsTable({ apps, caption, empty }: AppsTableProps) {
  const { t } = useTranslation();
  const category = useCategory();
  if (apps.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('usage.columns.app')}</Table.Th>
            <Table.Th>{t('usage.columns.category')}</Table.Th>
            <Table.Th>{t('usage.columns.status')}</Table.Th>
            <Table.Th>{t('usage.columns.risk')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.events')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.users')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.uploaded')}</Table.Th>
            <Table.Th>{t('usage.columns.firstSeen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apps.map((app) => (
            <Table.Tr key={app.app_id}>
              <AppNameCell name={app.name} vendor={app.vendor} />
              <Table.Td>{category(app.category)}</Table.Td>
              <StatusRiskCells status={app.status} risk={app.risk} source={app} />
              <Table.Td ta="right">{app.events.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{app.users.toLocaleString()}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {byteSize(app.bytes_up)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{app.first_seen}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Departments and offices, those with the most unapproved (then high-risk) use first. */
export function ReportDepartmentsTable({ departments }: { departments: UsageReport['departments'] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return <Text c="dimmed">{t('usage.noDepartments')}</Text>;
  const name = (value: string | null) => (value ? value : t('usage.unknown'));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>{t('usage.departmentsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('usage.columns.department')}</Table.Th>
            <Table.Th>{t('usage.columns.office')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.aiEvents')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.unapprovedEvents')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.highRiskEvents')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.users')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {departments.map((row) => (
            <Table.Tr key={`${row.department ?? ''}\u0000${row.office ?? ''}`}>
              <Table.Td>{name(row.department)}</Table.Td>
              <Table.Td>{name(row.office)}</Table.Td>
              <Table.Td ta="right">{row.ai_events.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.unapproved_events.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.high_risk_events.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.users.toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
