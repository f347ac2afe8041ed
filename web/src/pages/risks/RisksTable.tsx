import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { useRiskPages, type RiskFilters } from '../../api/risks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { SortableTh } from '../../components/SortableTh';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { LevelBadge, StatusBadge } from './RiskBadges';

interface RisksTableProps {
  filters: Omit<RiskFilters, 'sort'>;
  sort: string;
  onSort: (sort: string) => void;
}

export function RisksTable({ filters, sort, onSort }: RisksTableProps) {
  const { t, i18n } = useTranslation();
  const risks = useRiskPages({ ...filters, sort });
  const offices = useOfficeOptions();
  const officeName = new Map((offices.data ?? []).map((office) => [office.id, office.name]));

  if (risks.isPending) return <Loading />;
  if (risks.isError) return <ErrorAlert error={risks.error} onRetry={() => void risks.refetch()} />;
  const items = risks.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('risks.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('risks.title')} highlightOnHover aria-busy={risks.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh label={t('risks.fields.title')} column="title" sort={sort} onSort={onSort} />
              <Table.Th>{t('risks.fields.category')}</Table.Th>
              <Table.Th>{t('fields.office_id')}</Table.Th>
              <Table.Th>{t('risks.inherent')}</Table.Th>
              <Table.Th>{t('risks.residual')}</Table.Th>
              <Table.Th>{t('risks.fields.status')}</Table.Th>
              <Table.Th>{t('risks.fields.next_review_date')}</Table.Th>
              <SortableTh label={t('fields.updated_at')} column="updated_at" sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((risk) => (
              <Table.Tr key={risk.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/risks/${risk.id}`}>
                    {risk.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`risks.categories.${risk.category}`)}</Table.Td>
                <Table.Td>{officeName.get(risk.office_id) ?? ''}</Table.Td>
                <Table.Td>
                  <LevelBadge level={risk.inherent_level} score={risk.inherent_score} />
                </Table.Td>
                <Table.Td>
                  {risk.residual_level && (
                    <LevelBadge level={risk.residual_level} score={risk.residual_score} />
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={risk.status} needsReview={risk.needs_review} />
                </Table.Td>
                <Table.Td>
                  {risk.next_review_date ? formatPartialDate(risk.next_review_date, i18n.language) : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(risk.updated_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={risks.hasNextPage}
        loading={risks.isFetchingNextPage}
        onLoad={() => void risks.fetchNextPage()}
      />
    </>
  );
}
