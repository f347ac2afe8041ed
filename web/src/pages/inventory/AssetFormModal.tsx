import { assetCreateSchema, assetUpdateSchema, type Asset } from '@server/modules/inventory/asset.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateAsset, useUpdateAsset } from '../../api/assets';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useVersionedForm } from '../../components/form/use-versioned-form';
import { assetPayload, assetValues, type AssetPlacement } from './asset-form-values';
import { AssetFormFields } from './AssetFormFields';

interface AssetFormProps {
  /** The asset to edit; a new asset when absent. */
  asset?: Asset;
  /** Where a new asset starts (from a system's page). */
  placement?: AssetPlacement;
  onClose: () => void;
  onReload?: () => Promise<Asset | undefined>;
}

function AssetForm({ asset, placement, onClose, onReload }: AssetFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dateHint = t('validation.date');
  const { form, body } = useVersionedForm({
    record: asset,
    toValues: (record?: Asset) => assetValues(record, placement),
    toPayload: assetPayload,
    createSchema: assetCreateSchema,
    updateSchema: assetUpdateSchema,
    create: useCreateAsset(),
    update: useUpdateAsset(),
    nameOf: (saved) => saved.name,
    onClose,
    onCreated: (created) => void navigate(`/inventory/assets/${created.id}`),
    onReload,
    hints: { last_reviewed: dateHint, last_access_review: dateHint },
  });
  return (
    <FormBody {...body}>
      <AssetFormFields form={form} assetId={asset?.id} />
    </FormBody>
  );
}

interface AssetFormModalProps extends AssetFormProps {
  opened: boolean;
}

export function AssetFormModal({ opened, ...props }: AssetFormModalProps) {
  const { t } = useTranslation();
  const title = props.asset ? t('assets.editTitle', { name: props.asset.name }) : t('assets.createTitle');
  return (
    <FormModal opened={opened} onClose={props.onClose} title={title} size="xl">
      <AssetForm {...props} />
    </FormModal>
  );
}
