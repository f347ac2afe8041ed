import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssetPages, type AssetFilters } from '../../api/assets';
import { useOfficeOptions } from '../../api/offices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { SortableTh } from '../../components/SortableTh';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { AssetLabelBadge } from './AssetLabelBadge';

interface AssetsTableProps {
  /** The table's accessible name. */
  label: string;
  filters: Omit<AssetFilters, 'sort'>;
  sort: string;
  onSort: (sort: string) => void;
  /** What to say when no asset matches. */
  empty: string;
}

export function AssetsTable({ label, filters, sort, onSort, empty }: AssetsTableProps) {
  const { t, i18n } = useTranslation();
  const assets = useAssetPages({ ...filters, sort });
  const offices = useOfficeOptions();
  const officeName = new Map((offices.data ?? []).map((office) => [office.id, office.name]));

  if (assets.isPending) return <Loading />;
  if (assets.isError) return <ErrorAlert error={assets.error} onRetry={() => void assets.refetch()} />;
  const items = assets.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={label} highlightOnHover aria-busy={assets.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh label={t('fields.name')} column="name" sort={sort} onSort={onSort} />
              <Table.Th>{t('fields.asset_type')}</Table.Th>
              <Table.Th>{t('fields.office_id')}</Table.Th>
              <Table.Th>{t('fields.sensitivity_label')}</Table.Th>
              <Table.Th>{t('fields.personal_data')}</Table.Th>
              <Table.Th>{t('fields.last_reviewed')}</Table.Th>
              <SortableTh label={t('fields.updated_at')} column="updated_at" sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((asset) => (
              <Table.Tr key={asset.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/inventory/assets/${asset.id}`}>
                    {asset.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`assets.types.${asset.asset_type}`)}</Table.Td>
                <Table.Td>{officeName.get(asset.office_id) ?? ''}</Table.Td>
                <Table.Td>
                  <AssetLabelBadge label={asset.sensitivity_label} />
                </Table.Td>
                <Table.Td>{asset.personal_data ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  {asset.last_reviewed ? formatPartialDate(asset.last_reviewed, i18n.language) : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(asset.updated_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={assets.hasNextPage}
        loading={assets.isFetchingNextPage}
        onLoad={() => void assets.fetchNextPage()}
      />
    </>
  );
}
