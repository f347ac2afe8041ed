import {
  aiSystemCreateSchema,
  aiSystemUpdateSchema,
  type AiSystem,
} from '@server/modules/ai-registry/ai-system.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateAiSystem, useUpdateAiSystem } from '../../api/ai-systems';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useVersionedForm } from '../../components/form/use-versioned-form';
import { aiSystemPayload, aiSystemValues } from './ai-system-form-values';
import { AiSystemFormFields } from './AiSystemFormFields';

interface AiSystemFormProps {
  /** The system to edit; a new system when absent. */
  system?: AiSystem;
  onClose: () => void;
  onReload?: () => Promise<AiSystem | undefined>;
}

function AiSystemForm({ system, onClose, onReload }: AiSystemFormProps) {
  const navigate = useNavigate();
  const { form, body } = useVersionedForm({
    record: system,
    toValues: aiSystemValues,
    toPayload: aiSystemPayload,
    createSchema: aiSystemCreateSchema,
    updateSchema: aiSystemUpdateSchema,
    create: useCreateAiSystem(),
    update: useUpdateAiSystem(),
    nameOf: (saved) => saved.name,
    onClose,
    onCreated: (created) => void navigate(`/ai-systems/${created.id}`),
    onReload,
  });
  return (
    <FormBody {...body}>
      <AiSystemFormFields form={form} />
    </FormBody>
  );
}

export function AiSystemFormModal({ opened, ...props }: AiSystemFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  const title = props.system
    ? t('aiRegistry.editTitle', { name: props.system.name })
    : t('aiRegistry.createTitle');
  return (
    <FormModal opened={opened} onClose={props.onClose} title={title} size="xl">
      <AiSystemForm {...props} />
    </FormModal>
  );
}
