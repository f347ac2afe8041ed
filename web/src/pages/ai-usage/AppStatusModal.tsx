import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { APP_STATUSES, type AppStatus } from '@server/modules/ai-usage/app-status';
import { appUpdateSchema, customAppCreateSchema } from '@server/modules/ai-usage/usage.schema';
import { useTranslation } from 'react-i18next';
import { fetchUsageApp, useCreateUsageApp, useUpdateUsageApp, type UsageApp } from '../../api/usage';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useVersionedForm } from '../../components/form/use-versioned-form';

interface StatusValues {
  status: AppStatus;
  note: string;
}

const toValues = (app?: UsageApp): StatusValues => ({
  // The catalogue page's own status: the registry's, when a system links the app, is shown apart.
  status: app?.catalogue_status ?? 'not_reviewed',
  note: app?.note ?? '',
});

interface AppStatusFormProps {
  app: UsageApp;
  onClose: () => void;
}

function AppStatusForm({ app, onClose }: AppStatusFormProps) {
  const { t } = useTranslation();
  const { form, body } = useVersionedForm({
    record: app,
    toValues,
    toPayload: (values: StatusValues) => ({ status: values.status, note: values.note.trim() || null }),
    createSchema: customAppCreateSchema,
    updateSchema: appUpdateSchema,
    // Only existing apps are edited here: the create hook is never called.
    create: useCreateUsageApp(),
    update: useUpdateUsageApp(),
    nameOf: (saved) => saved.name,
    onClose,
    onReload: () => fetchUsageApp(app.id),
  });
  return (
    <FormBody {...body}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('usage.apps.statusHint')}
        </Text>
        {app.status_source === 'registry' && (
          <Alert color="blue" title={t('usage.apps.registryDecidesTitle')}>
            {t('usage.apps.registryDecides', {
              name: app.status_system?.name ?? '',
              status: t(`usage.status.${app.status}`),
            })}
          </Alert>
        )}
        <ChoiceSelect
          label={t('usage.columns.status')}
          data={APP_STATUSES.map((value) => ({ value, label: t(`usage.status.${value}`) }))}
          value={form.values.status}
          error={form.errors.status}
          allowDeselect={false}
          data-autofocus
          onChange={(value) => value && form.set('status', value as AppStatus)}
        />
        <Textarea label={t('usage.apps.note')} autosize minRows={2} {...form.text('note')} />
      </Stack>
    </FormBody>
  );
}

export function AppStatusModal({ app, onClose }: { app: UsageApp | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={app !== null}
      onClose={onClose}
      title={t('usage.apps.editTitle', { name: app?.name ?? '' })}
    >
      {app && <AppStatusForm app={app} onClose={onClose} />}
    </FormModal>
  );
}
