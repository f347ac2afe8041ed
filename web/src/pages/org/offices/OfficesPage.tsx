import { Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { OFFICE_KINDS } from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../api/session';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { CreateButton } from '../../../components/CreateButton';
import { RegionSelect } from '../../../components/OrgSelects';
import { PageHeader } from '../../../components/PageHeader';
import { SearchInput } from '../../../components/SearchInput';
import { useUrlFilters } from '../../../components/use-url-filters';
import { OfficeFormModal } from './OfficeFormModal';
import { OfficesTable } from './OfficesTable';

type Kind = (typeof OFFICE_KINDS)[number];
const isKind = (value: string | undefined): value is Kind => OFFICE_KINDS.some((kind) => kind === value);

export function OfficesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, { open, close }] = useDisclosure(false);
  const [filters, setFilters] = useUrlFilters(['q', 'region_id', 'kind', 'sort']);
  const kind = isKind(filters.kind) ? filters.kind : undefined;

  return (
    <>
      <PageHeader
        title={t('offices.title')}
        actions={can('org.structure.write') && <CreateButton label={t('offices.create')} onClick={open} />}
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput
          label={t('offices.search')}
          value={filters.q ?? ''}
          onSearch={(q) => setFilters({ q })}
        />
        <RegionSelect
          label={t('fields.region_id')}
          placeholder={t('common.all')}
          clearable
          value={filters.region_id ?? null}
          onChange={(value) => setFilters({ region_id: value })}
        />
        <ChoiceSelect
          label={t('fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={OFFICE_KINDS.map((value) => ({ value, label: t(`officeKinds.${value}`) }))}
          value={kind ?? null}
          onChange={(value) => setFilters({ kind: value })}
        />
      </Group>
      <OfficesTable
        label={t('offices.title')}
        filters={{ q: filters.q, region_id: filters.region_id, kind }}
        sort={filters.sort ?? 'name'}
        onSort={(sort) => setFilters({ sort })}
      />
      <OfficeFormModal opened={creating} onClose={close} />
    </>
  );
}
