import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficePages, type OfficeFilters } from '../../../api/offices';
import { useRegions } from '../../../api/regions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { SortableTh } from '../../../components/SortableTh';

interface OfficesTableProps {
  /** The table's accessible name. */
  label: string;
  filters: Omit<OfficeFilters, 'sort'>;
  sort: string;
  onSort: (sort: string) => void;
}

export function OfficesTable({ label, filters, sort, onSort }: OfficesTableProps) {
  const { t } = useTranslation();
  const offices = useOfficePages({ ...filters, sort });
  const regions = useRegions();
  const regionName = new Map((regions.data ?? []).map((region) => [region.id, region.name]));

  if (offices.isPending) return <Loading />;
  if (offices.isError) return <ErrorAlert error={offices.error} onRetry={() => void offices.refetch()} />;
  const items = offices.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('offices.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table aria-label={label} highlightOnHover aria-busy={offices.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh label={t('fields.code')} column="code" sort={sort} onSort={onSort} />
              <SortableTh label={t('fields.name')} column="name" sort={sort} onSort={onSort} />
              <Table.Th>{t('fields.kind')}</Table.Th>
              <Table.Th>{t('fields.region_id')}</Table.Th>
              <Table.Th>{t('fields.country_code')}</Table.Th>
              <Table.Th>{t('fields.city')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((office) => (
              <Table.Tr key={office.id}>
                <Table.Td>{office.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/offices/${office.id}`}>
                    {office.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`officeKinds.${office.kind}`)}</Table.Td>
                <Table.Td>{office.region_id ? (regionName.get(office.region_id) ?? '') : ''}</Table.Td>
                <Table.Td>{office.country_code}</Table.Td>
                <Table.Td>{office.city}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={offices.hasNextPage}
        loading={offices.isFetchingNextPage}
        onLoad={() => void offices.fetchNextPage()}
      />
    </>
  );
}
