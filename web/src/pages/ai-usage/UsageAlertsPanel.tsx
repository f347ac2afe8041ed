import { Anchor, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { alertSettingsUpdateSchema } from '@server/modules/ai-usage/usage.schema';
import { IconBellRinging, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import {
  ALERT_SETTINGS_RECORD_ID,
  fetchAlertSettings,
  useEvaluateAlerts,
  useUpdateAlertSettings,
  useUsageAlerts,
  type AlertSettingsRecord,
  type UsageAlerts,
} from '../../api/usage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useVersionedForm } from '../../components/form/use-versioned-form';
import { Loading } from '../../components/Loading';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { useErrorMessage } from '../../i18n/error-message';
import { formatPartialDate } from '../../i18n/format';
import { StatusBadge, StatusSourceText } from './UsageBadges';
import { byteSize } from './usage-view';

const SETTING_FIELDS = ['min_users', 'upload_threshold_mib', 'window_days', 'due_days'] as const;
type SettingValues = Record<(typeof SETTING_FIELDS)[number], number | string>;

const NEVER_CREATED = { mutate: () => undefined, isPending: false };

const toValues = (record?: AlertSettingsRecord): SettingValues => ({
  min_users: record?.min_users ?? '',
  upload_threshold_mib: record?.upload_threshold_mib ?? '',
  window_days: record?.window_days ?? '',
  due_days: record?.due_days ?? '',
});

function SettingsForm({ record, onClose }: { record: AlertSettingsRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, body } = useVersionedForm({
    record,
    toValues,
    toPayload: (values: SettingValues) => ({ ...values }),
    createSchema: alertSettingsUpdateSchema,
    updateSchema: alertSettingsUpdateSchema,
    // One record that always exists (version 0 holds the defaults): it is only ever updated.
    create: NEVER_CREATED,
    update: useUpdateAlertSettings(),
    nameOf: () => t('usage.alerts.settingsName'),
    onClose,
    onReload: fetchAlertSettings,
  });
  return (
    <FormBody {...body}>
      <Stack>
        {SETTING_FIELDS.map((field, index) => (
          <NumberInput
            key={field}
            label={t(`usage.alerts.settings.${field}`)}
            description={t(`usage.alerts.settingsHint.${field}`)}
            min={field === 'min_users' ? 4 : 1}
            allowDecimal={false}
            value={form.values[field]}
            error={form.errors[field]}
            data-autofocus={index === 0 ? true : undefined}
            onChange={(value) => form.set(field, value)}
          />
        ))}
      </Stack>
    </FormBody>
  );
}

function SettingsModal({ record, onClose }: { record: AlertSettingsRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={record !== null} onClose={onClose} title={t('usage.alerts.settingsTitle')}>
      {record && <SettingsForm record={record} onClose={onClose} />}
    </FormModal>
  );
}

function AlertsTable({ alerts }: { alerts: UsageAlerts['alerts'] }) {
  const { t } = useTranslation();
  const name = (value: string | null) => (value ? value : t('usage.unknown'));
  if (alerts.length === 0) return <Text c="dimmed">{t('usage.alerts.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Caption>{t('usage.alerts.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('usage.alerts.rule')}</Table.Th>
            <Table.Th>{t('usage.columns.app')}</Table.Th>
            <Table.Th>{t('usage.columns.status')}</Table.Th>
            <Table.Th>{t('usage.columns.department')}</Table.Th>
            <Table.Th>{t('usage.columns.office')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.users')}</Table.Th>
            <Table.Th ta="right">{t('usage.columns.uploaded')}</Table.Th>
            <Table.Th>{t('usage.columns.firstSeen')}</Table.Th>
            <Table.Th>{t('usage.alerts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr key={alert.key}>
              <Table.Td>{t(`usage.alerts.rules.${alert.rule}`)}</Table.Td>
              <Table.Td>{alert.app_name}</Table.Td>
              <Table.Td>
                <StatusBadge status={alert.status} />
                <StatusSourceText source={{ status_source: alert.status_source, status_system: null }} />
              </Table.Td>
              <Table.Td>{name(alert.department)}</Table.Td>
              <Table.Td>{name(alert.office)}</Table.Td>
              <Table.Td ta="right">{alert.users.toLocaleString()}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {byteSize(alert.bytes_up)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{alert.first_seen}</Table.Td>
              <Table.Td>
                {alert.action_id ? (
                  <Anchor component={Link} to="/actions">
                    {t('usage.alerts.actionOpen')}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('usage.alerts.actionNone')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The alerts now true (over the last days of stored usage, whatever period the report shows), with
 * their actions; admins change the rules' settings, those who ingest evaluate them now.
 */
export function UsageAlertsPanel({ shared }: { shared: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const alerts = useUsageAlerts(shared);
  const evaluate = useEvaluateAlerts();
  const message = useErrorMessage();
  const [editing, setEditing] = useState<AlertSettingsRecord | null>(null);
  const data = alerts.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('usage.alerts.title')}
          </Title>
          <Group>
            {can('usage.ingest') && (
              <Button
                variant="light"
                leftSection={<IconBellRinging size={16} aria-hidden />}
                loading={evaluate.isPending}
                onClick={() =>
                  evaluate.mutate(undefined, {
                    onSuccess: (run) =>
                      notifySuccess(
                        t('usage.alerts.evaluated', {
                          count: run.alerts,
                          opened: run.actions.opened,
                          closed: run.actions.closed,
                        }),
                      ),
                    onError: (error) => notifyFailure(message(error)),
                  })
                }
              >
                {t('usage.alerts.evaluate')}
              </Button>
            )}
            {can('usage.settings') && data && (
              <Button
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden />}
                onClick={() => setEditing({ ...data.settings, id: ALERT_SETTINGS_RECORD_ID })}
              >
                {t('usage.alerts.settingsButton')}
              </Button>
            )}
          </Group>
        </Group>
        {alerts.isPending ? (
          <Loading />
        ) : alerts.isError ? (
          <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {data!.period
                ? t('usage.alerts.intro', {
                    from: formatPartialDate(data!.period.from, i18n.language),
                    to: formatPartialDate(data!.period.to, i18n.language),
                    users: data!.settings.min_users,
                    mib: data!.settings.upload_threshold_mib,
                  })
                : t('usage.alerts.noUsage')}
            </Text>
            <AlertsTable alerts={data!.alerts} />
          </>
        )}
      </Stack>
      <SettingsModal record={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}
