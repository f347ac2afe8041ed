import { useDisclosure } from '@mantine/hooks';
import { SYSTEM_TYPES } from '@server/modules/inventory/asset.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAsset, useRemoveAsset } from '../../api/assets';
import { useCan } from '../../api/session';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { EditButton } from '../../components/EditButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RecordTabs } from '../../components/RecordTabs';
import { useAssetNames } from './asset-names';
import { AssetDetails } from './AssetDetails';
import { AssetFormModal } from './AssetFormModal';
import { AssetHealthPanel } from './AssetHealthPanel';
import { AssetHeldPanel } from './AssetHeldPanel';
import { AssetPushOwnership } from './AssetPushOwnership';

export function AssetDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const asset = useAsset(id);
  const names = useAssetNames(asset.data);
  const remove = useRemoveAsset();
  const [editing, edit] = useDisclosure(false);
  const reload = async () => (await asset.refetch()).data;

  if (asset.isPending) return <Loading />;
  if (asset.isError) return <ErrorAlert error={asset.error} onRetry={() => void asset.refetch()} />;
  const record = asset.data;
  const isSystem = SYSTEM_TYPES.includes(record.asset_type);
  const writable = can('inventory.write');

  return (
    <>
      <PageHeader
        title={record.name}
        trail={[{ label: t('assets.title'), to: '/inventory/assets' }]}
        actions={
          writable && (
            <>
              <EditButton onClick={edit.open} />
              {isSystem && <AssetPushOwnership system={record} onReload={() => void asset.refetch()} />}
              <ConfirmDelete
                name={record.name}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/inventory/assets')}
                onReload={() => void asset.refetch()}
              />
            </>
          )
        }
      />
      <AssetDetails asset={record} names={names} />
      <RecordTabs
        name={record.name}
        history={{ entityType: 'asset', entityId: record.id, names }}
        tabs={[
          ...(can('scorecard.read')
            ? [
                {
                  value: 'health',
                  label: t('assets.health.title'),
                  panel: <AssetHealthPanel assetId={record.id} name={record.name} />,
                },
              ]
            : []),
          ...(isSystem
            ? [{ value: 'held', label: t('assets.held'), panel: <AssetHeldPanel system={record} /> }]
            : []),
        ]}
      />
      <AssetFormModal opened={editing} asset={record} onClose={edit.close} onReload={reload} />
    </>
  );
}
