import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeOptions } from '../../../api/offices';
import { usePeoplePages, type PeopleFilters } from '../../../api/people';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { SortableTh } from '../../../components/SortableTh';
import { ActiveBadge } from './ActiveBadge';

interface PeopleTableProps {
  /** The table's accessible name. */
  label: string;
  filters: Omit<PeopleFilters, 'sort'>;
  sort: string;
  onSort: (sort: string) => void;
  /** Leave out the office column when every row is in the same office. */
  showOffice?: boolean;
}

export function PeopleTable({ label, filters, sort, onSort, showOffice = true }: PeopleTableProps) {
  const { t } = useTranslation();
  const people = usePeoplePages({ ...filters, sort });
  const offices = useOfficeOptions();
  const officeName = new Map((offices.data ?? []).map((office) => [office.id, office.name]));

  if (people.isPending) return <Loading />;
  if (people.isError) return <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />;
  const items = people.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('people.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label={label} highlightOnHover aria-busy={people.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortableTh label={t('fields.full_name')} column="full_name" sort={sort} onSort={onSort} />
              <SortableTh label={t('fields.email')} column="email" sort={sort} onSort={onSort} />
              {showOffice && <Table.Th>{t('fields.office_id')}</Table.Th>}
              <Table.Th>{t('fields.job_title')}</Table.Th>
              <Table.Th>{t('fields.governance_roles')}</Table.Th>
              <Table.Th>{t('people.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${person.id}`}>
                    {person.full_name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{person.email}</Table.Td>
                {showOffice && (
                  <Table.Td>
                    <Anchor component={Link} to={`/offices/${person.office_id}`}>
                      {officeName.get(person.office_id) ?? t('people.officeLink')}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td>{person.job_title}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {person.governance_roles.map((role) => (
                      <Badge key={role} variant="light" size="sm">
                        {t(`governanceRoles.${role}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={person.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={people.hasNextPage}
        loading={people.isFetchingNextPage}
        onLoad={() => void people.fetchNextPage()}
      />
    </>
  );
}
