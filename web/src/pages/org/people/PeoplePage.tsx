import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { GOVERNANCE_ROLES, type GovernanceRole } from '@server/modules/org/org.schema';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../../api/departments';
import { useOfficeOptions } from '../../../api/offices';
import { useRegions } from '../../../api/regions';
import { useCan } from '../../../api/session';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
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
  const regions = useRegions();
  const offices = useOfficeOptions();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const departments = useDepartments(filters.office_id);
  const [creating, { open, close }] = useDisclosure(false);
  const active = filters.active === 'true' || filters.active === 'false' ? filters.active : undefined;
  const role = isRole(filters.governance_role) ? filters.governance_role : undefined;

  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={
          can('people.write') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t('people.create')}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('people.search')} value={filters.q ?? ''} onSearch={(q) => setFilters({ q })} />
        <ChoiceSelect
          label={t('fields.region_id')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(regions.data ?? []).map((region) => ({ value: region.id, label: region.name }))}
          value={filters.region_id ?? null}
          onChange={(value) => setFilters({ region_id: value })}
        />
        <ChoiceSelect
          label={t('fields.office_id')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(offices.data ?? []).map((office) => ({ value: office.id, label: office.name }))}
          value={filters.office_id ?? null}
          onChange={(value) => setFilters({ office_id: value, department_id: null })}
        />
        {filters.office_id && (
          <ChoiceSelect
            label={t('fields.department_id')}
            placeholder={t('common.all')}
            clearable
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
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
