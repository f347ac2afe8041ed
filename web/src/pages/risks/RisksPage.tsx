import { Button, Checkbox, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RISK_LEVELS } from '@server/modules/risks/risk-scoring';
import { RISK_CATEGORIES, RISK_STATUSES, type RiskListQuery } from '@server/modules/risks/risk.schema';
import { IconChartDots3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RiskFilters } from '../../api/risks';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { CreateButton } from '../../components/CreateButton';
import { OfficeSelect, RegionSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';
import { SearchInput } from '../../components/SearchInput';
import { useUrlFilters } from '../../components/use-url-filters';
import { RiskFormModal } from './RiskFormModal';
import { RiskImportPanel } from './RiskImportPanel';
import { RisksTable } from './RisksTable';

const FILTER_KEYS = [
  'q',
  'category',
  'office_id',
  'region_id',
  'status',
  'owner_person_id',
  'level',
  'overdue',
  'sort',
] as const;

/** The risk register: filters kept in the address, the table, and its spreadsheets. */
export function RisksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [creating, { open, close }] = useDisclosure(false);
  const { sort, ...rest } = filters;
  const query = Object.fromEntries(Object.entries(rest).filter(([, v]) => v)) as RiskFilters;
  const choice = <K extends 'category' | 'status' | 'level'>(
    key: K,
    values: readonly NonNullable<RiskListQuery[K]>[],
    label: (value: string) => string,
  ) => (
    <ChoiceSelect
      label={t(`risks.fields.${key}`)}
      placeholder={t('common.all')}
      clearable
      data={values.map((value) => ({ value, label: label(value) }))}
      value={filters[key] ?? null}
      onChange={(value) => setFilters({ [key]: value })}
    />
  );

  return (
    <>
      <PageHeader
        title={t('risks.title')}
        actions={
          <>
            <Button
              component={Link}
              to="/risks/dashboard"
              variant="default"
              leftSection={<IconChartDots3 size={16} aria-hidden />}
            >
              {t('risks.dashboard')}
            </Button>
            {can('risk.write') && <CreateButton label={t('risks.create')} onClick={open} />}
          </>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('risks.search')} value={filters.q ?? ''} onSearch={(q) => setFilters({ q })} />
        {choice('category', RISK_CATEGORIES, (v) =>
          t(`risks.categories.${v as (typeof RISK_CATEGORIES)[number]}`),
        )}
        {choice('level', RISK_LEVELS, (v) => t(`risks.levels.${v as (typeof RISK_LEVELS)[number]}`))}
        {choice('status', RISK_STATUSES, (v) => t(`risks.statuses.${v as (typeof RISK_STATUSES)[number]}`))}
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
          onChange={(value) => setFilters({ office_id: value })}
        />
        <PersonSelect
          label={t('risks.fields.owner_person_id')}
          placeholder={t('common.all')}
          clearable
          value={filters.owner_person_id ?? null}
          onChange={(value) => setFilters({ owner_person_id: value })}
        />
        <Checkbox
          label={t('risks.overdueOnly')}
          checked={filters.overdue === 'true'}
          onChange={(event) => setFilters({ overdue: event.currentTarget.checked ? 'true' : null })}
        />
      </Group>
      <RisksTable filters={query} sort={sort ?? 'title'} onSort={(next) => setFilters({ sort: next })} />
      <RiskImportPanel />
      <RiskFormModal opened={creating} onClose={close} />
    </>
  );
}
