import { regionCreateSchema, regionUpdateSchema, type Region } from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateRegion, useUpdateRegion } from '../../../api/regions';
import { CodeNameForm } from '../../../components/form/CodeNameForm';
import { FormModal } from '../../../components/form/FormModal';

interface RegionFormProps {
  /** The region to edit; a new region when absent. */
  region?: Region;
  onClose: () => void;
  onReload?: () => Promise<Region | undefined>;
}

function RegionForm({ region, onClose, onReload }: RegionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <CodeNameForm
      record={region}
      createSchema={regionCreateSchema}
      updateSchema={regionUpdateSchema}
      create={useCreateRegion()}
      update={useUpdateRegion()}
      onClose={onClose}
      onCreated={(created) => void navigate(`/regions/${created.id}`)}
      onReload={onReload}
      codeHint={t('validation.regionCode')}
    />
  );
}

interface RegionFormModalProps extends RegionFormProps {
  opened: boolean;
}

export function RegionFormModal({ opened, ...props }: RegionFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={props.onClose}
      title={props.region ? t('regions.editTitle', { name: props.region.name }) : t('regions.createTitle')}
    >
      <RegionForm {...props} />
    </FormModal>
  );
}
