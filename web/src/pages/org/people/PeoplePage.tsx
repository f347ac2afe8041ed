import { Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { GOVERNANCE_ROLES, type GovernanceRole } from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../api/session';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { CreateButton } from '../../../components/CreateButton';
import { DepartmentSelect, OfficeSelect, RegionSelect } from '../../../components/OrgSelects';
import { PageHeader } from '../../../components/PageHeader';
import { SearchInput } from '../../../components/SearchInput';
import { useUrlFilters } from '../../../components/use-url-filters';
import { PeopleTable } from './PeopleTable';
import { PersonFormModal } from './PersonFormModal';

const FILTERS = [
  'q',
  'region_id',
  'office_id',
  'department_id',
  'governance_role',
  'active',
  'sort',
] as const;
const isRole = (value: string | undefined): value is GovernanceRole =>
  GOVERNANCE_ROLES.some((role) => role === value);

export function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [creating, { open, close }] = useDisclosure(false);
  const active = filters.active === 'true' || filters.active === 'false' ? filters.active : undefined;
  const role = isRole(filters.governance_role) ? filters.governance_role : undefined;

  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={can('people.write') && <CreateButton label={t('people.create')} onClick={open} />}
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('people.search')} value={filters.q ?? ''} onSearch={(q) => setFilters({ q })} />
        <RegionSelect
          label={t('fields.region_id')}
          placeholder={t('common.all')}
          clearable
          value={filters.region_id ?? null}
          onChange={(value) => setFilters({ region_id: value })}
        />
        <OfficeSelect
          label={t('fields.office_id')}
          placeholder={t('common.all')}
          clearable
          value={filters.office_id ?? null}
          onChange={(value) => setFilters({ office_id: value, department_id: null })}
        />
        {filters.office_id && (
          <DepartmentSelect
            officeId={filters.office_id}
            label={t('fields.department_id')}
            placeholder={t('common.all')}
            clearable
            value={filters.department_id ?? null}
            onChange={(value) => setFilters({ department_id: value })}
          />
        )}
        <ChoiceSelect
          label={t('fields.governance_roles')}
          placeholder={t('common.all')}
          clearable
          data={GOVERNANCE_ROLES.map((value) => ({ value, label: t(`governanceRoles.${value}`) }))}
          value={role ?? null}
          onChange={(value) => setFilters({ governance_role: value })}
        />
        <ChoiceSelect
          label={t('people.status')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('people.active') },
            { value: 'false', label: t('people.inactive') },
          ]}
          value={active ?? null}
          onChange={(value) => setFilters({ active: value })}
        />
      </Group>
      <PeopleTable
        label={t('people.title')}
        filters={{
          q: filters.q,
          region_id: filters.region_id,
          office_id: filters.office_id,
          department_id: filters.office_id ? filters.department_id : undefined,
          governance_role: role,
          active,
        }}
        sort={filters.sort ?? 'full_name'}
        onSort={(sort) => setFilters({ sort })}
      />
      <PersonFormModal opened={creating} onClose={close} />
    </>
  );
}
