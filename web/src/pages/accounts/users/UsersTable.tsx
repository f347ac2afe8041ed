import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import type { User } from '@server/modules/accounts/accounts.schema';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../../api/offices';
import { useRegions } from '../../../api/regions';
import { useMe } from '../../../api/session';
import { useUserPages, type UserFilters } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../i18n/format';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserEditModal } from './UserEditModal';
import { isOrganisationWide, scopeNames, userStatuses, type UserStatus } from './user-status';

const STATUS_COLOURS: Record<UserStatus, string> = {
  active: 'green',
  disabled: 'gray',
  locked: 'red',
  mustChange: 'yellow',
};

function useScopeLabel() {
  const { t } = useTranslation();
  const regions = useRegions();
  const offices = useOfficeOptions();
  const names = new Map<string, string>();
  for (const record of [...(regions.data ?? []), ...(offices.data ?? [])]) names.set(record.id, record.name);
  return (user: User) => {
    if (isOrganisationWide(user.role)) return t('users.wholeOrganisation');
    const scope = scopeNames(user, names);
    return scope.length === 0 ? t('users.noScope') : scope.join(', ');
  };
}

/** Accounts, sorted by e-mail, with their access and state; each row can be edited or reset. */
export function UsersTable({ filters }: { filters: UserFilters }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const users = useUserPages(filters);
  const scopeLabel = useScopeLabel();
  const [editing, setEditing] = useState<User | null>(null);

  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />;
  const items = users.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;
  const now = new Date();
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('users.title')} highlightOnHover aria-busy={users.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.display_name')}</Table.Th>
              <Table.Th>{t('fields.email')}</Table.Th>
              <Table.Th>{t('fields.role')}</Table.Th>
              <Table.Th>{t('users.scope')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('fields.last_login_at')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.display_name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td maw={260}>{scopeLabel(user)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {userStatuses(user, now).map((status) => (
                      <Badge key={status} color={STATUS_COLOURS[status]} variant="light" size="sm">
                        {t(`users.statuses.${status}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.last_login_at ? formatDateTime(user.last_login_at, i18n.language) : t('users.never')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('common.editNamed', { name: user.display_name })}
                      onClick={() => setEditing(user)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    {user.id !== me.data?.user.id && <ResetPasswordButton user={user} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={users.hasNextPage}
        loading={users.isFetchingNextPage}
        onLoad={() => void users.fetchNextPage()}
      />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
