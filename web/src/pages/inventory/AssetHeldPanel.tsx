import { Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Asset } from '@server/modules/inventory/asset.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { CreateButton } from '../../components/CreateButton';
import { AssetFormModal } from './AssetFormModal';
import { AssetsTable } from './AssetsTable';

/** The assets a system holds, and adding one under it (it takes the system's people). */
export function AssetHeldPanel({ system }: { system: Asset }) {
  const { t } = useTranslation();
  const can = useCan();
  const [sort, setSort] = useState('name');
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      {can('inventory.write') && (
        <Group justify="flex-end" mb="sm">
          <CreateButton label={t('assets.create')} onClick={open} />
        </Group>
      )}
      <AssetsTable
        label={t('assets.held')}
        filters={{ system_id: system.id }}
        sort={sort}
        onSort={setSort}
        empty={t('assets.heldEmpty')}
      />
      <AssetFormModal
        opened={creating}
        onClose={close}
        placement={{ office_id: system.office_id, system_id: system.id }}
      />
    </>
  );
}
