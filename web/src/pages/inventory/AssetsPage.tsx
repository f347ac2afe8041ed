import { Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ASSET_TYPES, SENSITIVITY_LABELS, UNLABELLED } from '@server/modules/inventory/asset.schema';
import { useTranslation } from 'react-i18next';
import { useHealthControls } from '../../api/assets';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { CreateButton } from '../../components/CreateButton';
import { OfficeSelect, RegionSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';
import { SearchInput } from '../../components/SearchInput';
import { useUrlFilters } from '../../components/use-url-filters';
import { ASSET_FILTER_KEYS, assetQuery } from './asset-filters';
import { AssetFormModal } from './AssetFormModal';
import { AssetsTable } from './AssetsTable';

export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(ASSET_FILTER_KEYS);
  const [creating, { open, close }] = useDisclosure(false);
  const query = assetQuery(filters);
  const controls = useHealthControls(i18n.language, can('scorecard.read'));

  return (
    <>
      <PageHeader
        title={t('assets.title')}
        actions={can('inventory.write') && <CreateButton label={t('assets.create')} onClick={open} />}
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('assets.search')} value={filters.q ?? ''} onSearch={(q) => setFilters({ q })} />
        <RegionSelect
          label={t('fields.region_id')}
          placeholder={t('common.all')}
          clearable
          value={query.region_id ?? null}
          onChange={(value) => setFilters({ region_id: value })}
        />
        <OfficeSelect
          label={t('fields.office_id')}
          placeholder={t('common.all')}
          clearable
          value={query.office_id ?? null}
          onChange={(value) => setFilters({ office_id: value })}
        />
        <ChoiceSelect
          label={t('fields.sensitivity_label')}
          placeholder={t('common.all')}
          clearable
          data={[
            ...SENSITIVITY_LABELS.map((value) => ({ value, label: t(`assets.labels.${value}`) })),
            { value: UNLABELLED, label: t('assets.unlabelled') },
          ]}
          value={query.sensitivity_label ?? null}
          onChange={(value) => setFilters({ sensitivity_label: value })}
        />
        <ChoiceSelect
          label={t('fields.personal_data')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={query.personal_data ?? null}
          onChange={(value) => setFilters({ personal_data: value })}
        />
        <PersonSelect
          label={t('fields.data_owner_id')}
          placeholder={t('common.all')}
          clearable
          value={query.owner_id ?? null}
          onChange={(value) => setFilters({ owner_id: value })}
        />
        <ChoiceSelect
          label={t('fields.asset_type')}
          placeholder={t('common.all')}
          clearable
          data={ASSET_TYPES.map((value) => ({ value, label: t(`assets.types.${value}`) }))}
          value={query.asset_type ?? null}
          onChange={(value) => setFilters({ asset_type: value })}
        />
        {can('scorecard.read') && (
          <ChoiceSelect
            label={t('assets.controlFailing')}
            description={t('assets.controlFailingHint')}
            placeholder={t('common.all')}
            clearable
            data={controls.data ?? []}
            value={query.control_failing ?? null}
            onChange={(value) => setFilters({ control_failing: value })}
          />
        )}
      </Group>
      <AssetsTable
        label={t('assets.title')}
        filters={query}
        sort={filters.sort ?? 'name'}
        onSort={(sort) => setFilters({ sort })}
        empty={t('assets.empty')}
      />
      <AssetFormModal opened={creating} onClose={close} />
    </>
  );
}
