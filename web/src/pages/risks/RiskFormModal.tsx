import { riskCreateSchema, riskUpdateSchema, type Risk } from '@server/modules/risks/risk.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateRisk, useUpdateRisk } from '../../api/risks';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useVersionedForm } from '../../components/form/use-versioned-form';
import { riskPayload, riskValues } from './risk-form-values';
import { RiskFormFields } from './RiskFormFields';

interface RiskFormProps {
  /** The risk to edit; a new risk when absent. */
  risk?: Risk;
  onClose: () => void;
  onReload?: () => Promise<Risk | undefined>;
}

function RiskForm({ risk, onClose, onReload }: RiskFormProps) {
  const navigate = useNavigate();
  const { form, body } = useVersionedForm({
    record: risk,
    toValues: riskValues,
    toPayload: riskPayload,
    createSchema: riskCreateSchema,
    updateSchema: riskUpdateSchema,
    create: useCreateRisk(),
    update: useUpdateRisk(),
    nameOf: (saved) => saved.title,
    onClose,
    onCreated: (created) => void navigate(`/risks/${created.id}`),
    onReload,
  });
  return (
    <FormBody {...body}>
      <RiskFormFields form={form} />
    </FormBody>
  );
}

export function RiskFormModal({ opened, ...props }: RiskFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  const title = props.risk ? t('risks.editTitle', { name: props.risk.title }) : t('risks.createTitle');
  return (
    <FormModal opened={opened} onClose={props.onClose} title={title} size="xl">
      <RiskForm {...props} />
    </FormModal>
  );
}
