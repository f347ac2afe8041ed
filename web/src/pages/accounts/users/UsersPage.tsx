import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLES, type Role } from '@server/core/permissions';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { PageHeader } from '../../../components/PageHeader';
import { SearchInput } from '../../../components/SearchInput';
import { useUrlFilters } from '../../../components/use-url-filters';
import { UserCreateModal } from './UserCreateModal';
import { UsersTable } from './UsersTable';

const isRole = (value: string | undefined): value is Role => ROLES.some((role) => role === value);

export function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(['q', 'role', 'disabled']);
  const [creating, { open, close }] = useDisclosure(false);
  const role = isRole(filters.role) ? filters.role : undefined;
  const disabled = filters.disabled === 'true' || filters.disabled === 'false' ? filters.disabled : undefined;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('users.create')}
          </Button>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('users.search')} value={filters.q ?? ''} onSearch={(q) => setFilters({ q })} />
        <ChoiceSelect
          label={t('fields.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role ?? null}
          onChange={(value) => setFilters({ role: value })}
        />
        <ChoiceSelect
          label={t('users.status')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'false', label: t('users.enabled') },
            { value: 'true', label: t('users.statuses.disabled') },
          ]}
          value={disabled ?? null}
          onChange={(value) => setFilters({ disabled: value })}
        />
      </Group>
      <UsersTable filters={{ q: filters.q, role, disabled }} />
      <UserCreateModal opened={creating} onClose={close} />
    </>
  );
}
