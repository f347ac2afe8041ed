import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { APP_STATUSES } from '@server/modules/ai-usage/app-status';
import { APP_CATEGORIES } from '@server/modules/ai-usage/catalogue.schema';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useUsageApps, type UsageApp } from '../../api/usage';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { AppStatusModal } from './AppStatusModal';
import { AppNameCell, StatusRiskCells } from './UsageBadges';

interface Filters {
  status: string | null;
  category: string | null;
  search: string;
}

function matches(app: UsageApp, filters: Filters): boolean {
  const search = filters.search.trim().toLowerCase();
  return (
    (!filters.status || app.status === filters.status) &&
    (!filters.category || app.category === filters.category) &&
    (!search ||
      app.name.toLowerCase().includes(search) ||
      app.vendor.toLowerCase().includes(search) ||
      app.domains.some((domain) => domain.includes(search)))
  );
}

/** The organisation's AI app catalogue: status and risk of each app, set by admins. */
export function UsageAppsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const apps = useUsageApps();
  const [filters, setFilters] = useState<Filters>({ status: null, category: null, search: '' });
  const [editing, setEditing] = useState<UsageApp | null>(null);
  const shown = useMemo(() => (apps.data ?? []).filter((app) => matches(app, filters)), [apps.data, filters]);
  const writer = can('usage.apps.write');

  return (
    <>
      <PageHeader title={t('usage.apps.title')} trail={[{ label: t('usage.title'), to: '/usage' }]} />
      <Stack>
        <Text c="dimmed">{t('usage.apps.intro')}</Text>
        <Group align="flex-end">
          <SearchInput
            label={t('usage.apps.search')}
            value={filters.search}
            onSearch={(search) => setFilters({ ...filters, search })}
          />
          <ChoiceSelect
            label={t('usage.columns.status')}
            clearable
            data={APP_STATUSES.map((value) => ({ value, label: t(`usage.status.${value}`) }))}
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <ChoiceSelect
            label={t('usage.columns.category')}
            clearable
            data={APP_CATEGORIES.map((value) => ({ value, label: t(`usage.category.${value}`) }))}
            value={filters.category}
            onChange={(category) => setFilters({ ...filters, category })}
          />
        </Group>
        {apps.isPending ? (
          <Loading />
        ) : apps.isError ? (
          <ErrorAlert error={apps.error} onRetry={() => void apps.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Caption>{t('usage.apps.count', { count: shown.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usage.columns.app')}</Table.Th>
                  <Table.Th>{t('usage.columns.category')}</Table.Th>
                  <Table.Th>{t('usage.columns.domains')}</Table.Th>
                  <Table.Th>{t('usage.columns.status')}</Table.Th>
                  <Table.Th>{t('usage.columns.risk')}</Table.Th>
                  {writer && <Table.Th>{t('usage.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((app) => (
                  <Table.Tr key={app.id}>
                    <AppNameCell name={app.name} vendor={app.vendor} />
                    <Table.Td>{t(`usage.category.${app.category}`)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{app.domains.join(', ')}</Text>
                    </Table.Td>
                    <StatusRiskCells status={app.status} risk={app.risk} source={app} />
                    {writer && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('usage.apps.editTitle', { name: app.name })}
                          onClick={() => setEditing(app)}
                        >
                          {t('usage.apps.setStatus')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <AppStatusModal app={editing} onClose={() => setEditing(null)} />
    </>
  );
}
