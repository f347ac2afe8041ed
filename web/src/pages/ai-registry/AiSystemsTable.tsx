import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAiSystemPages, type AiSystemFilters } from '../../api/ai-systems';
import { useOfficeOptions } from '../../api/offices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { SortableTh } from '../../components/SortableTh';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { ApprovalBadge, TierBadge } from './AiSystemBadges';

interface AiSystemsTableProps {
  filters: Omit<AiSystemFilters, 'sort'>;
  sort: string;
  onSort: (sort: string) => void;
}

export function AiSystemsTable({ filters, sort, onSort }: AiSystemsTableProps) {
  const { t, i18n } = useTranslation();
  const systems = useAiSystemPages({ ...filters, sort });
  const offices = useOfficeOptions();
  const officeName = new Map((offices.data ?? []).map((office) => [office.id, office.name]));

  if (systems.isPending) return <Loading />;
  if (systems.isError) return <ErrorAlert error={systems.error} onRetry={() => void systems.refetch()} />;
  const items = systems.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('aiRegistry.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('aiRegistry.title')} highlightOnHover aria-busy={systems.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh label={t('fields.name')} column="name" sort={sort} onSort={onSort} />
              <Table.Th>{t('fields.office_id')}</Table.Th>
              <Table.Th>{t('aiRegistry.fields.tier')}</Table.Th>
              <Table.Th>{t('aiRegistry.fields.approval_status')}</Table.Th>
              <Table.Th>{t('aiRegistry.fields.lifecycle')}</Table.Th>
              <Table.Th>{t('aiRegistry.fields.next_review_date')}</Table.Th>
              <SortableTh label={t('fields.updated_at')} column="updated_at" sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((system) => (
              <Table.Tr key={system.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/ai-systems/${system.id}`}>
                    {system.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{officeName.get(system.office_id) ?? ''}</Table.Td>
                <Table.Td>
                  <TierBadge tier={system.tier} />
                </Table.Td>
                <Table.Td>
                  <ApprovalBadge status={system.approval_status} />
                </Table.Td>
                <Table.Td>{t(`aiRegistry.lifecycles.${system.lifecycle}`)}</Table.Td>
                <Table.Td>
                  {system.next_review_date ? formatPartialDate(system.next_review_date, i18n.language) : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(system.updated_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={systems.hasNextPage}
        loading={systems.isFetchingNextPage}
        onLoad={() => void systems.fetchNextPage()}
      />
    </>
  );
}
