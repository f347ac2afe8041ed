import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { useSaveScorecardSettings, useScorecardControls, useScorecardSettings } from '../../../api/scorecard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { localised } from '../scorecard-view';
import type { ControlInfo, SettingsResponse } from '@server/modules/scorecard/scorecard-api.schema';
import {
  BAND_KEYS,
  parseCustomControls,
  settingsIssues,
  settingsPayload,
  settingsValues,
  type ControlValues,
  type NumberValue,
  type SettingsIssues,
  type SettingsValues,
} from './settings-form';

const BAND_LABELS = {
  healthy: 'scorecard.bands.healthy',
  fair: 'scorecard.bands.fair',
  not_healthy: 'scorecard.bands.notHealthy',
} as const;
const NO_ISSUES: SettingsIssues = { bands: {}, controls: {}, custom: [], other: [] };
const asNumber = (value: string | number): NumberValue => (typeof value === 'number' ? value : '');

/** The scorecard's settings (admins): band thresholds, each control's weight and due days, custom controls. */
export function ScorecardSettingsPage() {
  const { t } = useTranslation();
  const settings = useScorecardSettings();
  const controls = useScorecardControls();
  // Held here, not in the form: a save gives the settings a new version, which starts a new form,
  // and a mutation's callbacks (the "saved" message) are dropped when its component is gone.
  const save = useSaveScorecardSettings();
  const reload = () => void Promise.all([settings.refetch(), controls.refetch()]);
  return (
    <>
      <PageHeader
        title={t('scorecard.settings.title')}
        trail={[{ label: t('scorecard.title'), to: '/scorecard' }]}
      />
      {settings.isPending || controls.isPending ? (
        <Loading />
      ) : settings.isError || controls.isError ? (
        <ErrorAlert error={settings.error ?? controls.error} onRetry={reload} />
      ) : (
        // A new version (saved here, or reloaded after someone else's save) starts the form again.
        <SettingsForm
          key={settings.data.version}
          settings={settings.data}
          controls={controls.data.controls}
          save={save}
          onReload={reload}
        />
      )}
    </>
  );
}

interface SettingsFormProps {
  settings: SettingsResponse;
  controls: ControlInfo[];
  save: ReturnType<typeof useSaveScorecardSettings>;
  onReload: () => void;
}

function SettingsForm({ settings, controls, save, onReload }: SettingsFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<SettingsValues>(() => settingsValues(settings, controls));
  const [issues, setIssues] = useState<SettingsIssues>(NO_ISSUES);
  const [general, setGeneral] = useState<unknown>(null);
  const [parseError, setParseError] = useState<string | null>(null);

  const setControl = <K extends keyof ControlValues>(id: string, key: K, value: ControlValues[K]) =>
    setValues((current) => ({
      ...current,
      controls: { ...current.controls, [id]: { ...current.controls[id]!, [key]: value } },
    }));

  const submit = () => {
    setIssues(NO_ISSUES);
    setGeneral(null);
    const custom = parseCustomControls(values.custom);
    if (!custom.ok) {
      setParseError(
        custom.message === 'not_a_list'
          ? t('scorecard.settings.notAList')
          : t('scorecard.settings.unreadable', { message: custom.message }),
      );
      return;
    }
    setParseError(null);
    const builtin = controls.filter((control) => control.builtin).map((control) => control.id);
    save.mutate(settingsPayload(settings, values, custom.controls, builtin), {
      onSuccess: () => notifySuccess(t('scorecard.settings.saved')),
      onError: (error) => {
        if (isApiError(error, 'validation_failed')) {
          const sorted = settingsIssues(error.issues);
          setIssues(sorted);
          if (sorted.other.length > 0) setGeneral(error);
        } else {
          setGeneral(error);
        }
      },
    });
  };

  const customErrors = parseError ? [parseError] : issues.custom;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="settings-bands">
          <Title order={2} size="h4" id="settings-bands" mb="xs">
            {t('scorecard.settings.bands')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('scorecard.settings.bandsHint')}
          </Text>
          <Group align="flex-start">
            {BAND_KEYS.map((key) => (
              <NumberInput
                key={key}
                label={t(BAND_LABELS[key])}
                min={0}
                max={100}
                decimalScale={1}
                value={values.bands[key]}
                error={issues.bands[key]}
                onChange={(value) =>
                  setValues((current) => ({
                    ...current,
                    bands: { ...current.bands, [key]: asNumber(value) },
                  }))
                }
              />
            ))}
          </Group>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="settings-controls">
          <Title order={2} size="h4" id="settings-controls" mb="xs">
            {t('scorecard.settings.controls')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('scorecard.settings.controlsHint')}
          </Text>
          <Table aria-labelledby="settings-controls">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scorecard.settings.control')}</Table.Th>
                <Table.Th>{t('scorecard.settings.enabled')}</Table.Th>
                <Table.Th>{t('scorecard.settings.weight')}</Table.Th>
                <Table.Th>{t('scorecard.settings.dueDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {controls.map((control) => {
                const title = localised(control.title, i18n.language, control.id);
                const row = values.controls[control.id]!;
                return (
                  <Table.Tr key={control.id}>
                    <Table.Th scope="row">
                      {title}{' '}
                      <Text span size="xs" c="dimmed">
                        {control.id}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Switch
                        aria-label={t('scorecard.settings.enabledOf', { control: title })}
                        checked={row.enabled}
                        error={issues.controls[control.id]?.enabled}
                        onChange={(event) => setControl(control.id, 'enabled', event.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('scorecard.settings.weightOf', { control: title })}
                        min={0}
                        max={1000}
                        decimalScale={2}
                        value={row.weight}
                        error={issues.controls[control.id]?.weight}
                        onChange={(value) => setControl(control.id, 'weight', asNumber(value))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('scorecard.settings.dueDaysOf', { control: title })}
                        min={1}
                        max={3650}
                        allowDecimal={false}
                        placeholder={t('scorecard.settings.bySeverity', { days: control.due_days })}
                        value={row.due_days}
                        error={issues.controls[control.id]?.due_days}
                        onChange={(value) => setControl(control.id, 'due_days', asNumber(value))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="settings-custom">
          <Title order={2} size="h4" id="settings-custom" mb="xs">
            {t('scorecard.settings.custom')}
          </Title>
          <Textarea
            label={t('scorecard.settings.customLabel')}
            description={t('scorecard.settings.customHint')}
            autosize
            minRows={8}
            maxRows={30}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={values.custom}
            error={customErrors.length > 0 ? t('scorecard.settings.customInvalid') : undefined}
            onChange={(event) => {
              const custom = event.currentTarget.value;
              setValues((current) => ({ ...current, custom }));
            }}
          />
          {customErrors.length > 0 && (
            <Alert color="red" mt="xs" role="alert" aria-label={t('scorecard.settings.customProblems')}>
              <List size="sm">
                {customErrors.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Paper>

        {general !== null && (
          <Stack gap="xs">
            <ErrorAlert
              error={general}
              onRetry={isApiError(general, 'version_conflict') ? onReload : undefined}
            />
            {issues.other.length > 0 && (
              <List size="sm">
                {issues.other.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
