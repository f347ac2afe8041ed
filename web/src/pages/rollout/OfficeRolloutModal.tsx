import { Stack, TextInput, Textarea } from '@mantine/core';
import {
  ONBOARDING_STATUSES,
  officeRolloutUpdateSchema,
  type OfficeRollout,
  type OnboardingStatus,
} from '@server/modules/rollout/rollout.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useOfficePeople, useSetOfficeRollout, useWaves } from '../../api/rollout';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { changedValues } from '../../components/form/changed-values';
import { useFormState } from '../../components/form/use-form-state';
import { notifySuccess } from '../../components/notify';

interface Props {
  opened: boolean;
  office: OfficeRollout;
  onClose: () => void;
}

const toValues = (office: OfficeRollout) => ({
  status: office.status as OnboardingStatus,
  wave_id: office.wave_id,
  focal_point_id: office.focal_point_id,
  target_date: office.target_date ?? '',
  actual_date: office.actual_date ?? '',
  notes: office.notes ?? '',
});

/** Empty fields of the form are cleared values for the API. */
const toInput = (values: ReturnType<typeof toValues>) => ({
  ...values,
  target_date: values.target_date || null,
  actual_date: values.actual_date || null,
  notes: values.notes || null,
});

/** Edit an office's roll-out; the wave and focal point only for those who plan it. */
export function OfficeRolloutModal({ opened, office, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('rollout.editTitle', { name: office.office_name })}>
      <OfficeRolloutForm office={office} onClose={onClose} />
    </FormModal>
  );
}

function OfficeRolloutForm({ office: initial, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const can = useCan();
  const planner = can('rollout.plan');
  const waves = useWaves(initial.region_id ?? undefined);
  const people = useOfficePeople(initial.office_id);
  const save = useSetOfficeRollout();
  // The record the form started from: after a version conflict, the one reloaded.
  const [record, setRecord] = useState(initial);
  const form = useFormState(() => toValues(initial));

  const submit = () => {
    const changes = changedValues(toInput(form.values), toInput(toValues(record)));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(officeRolloutUpdateSchema, { ...changes, version: record.version });
    if (!input) return;
    save.mutate(
      { officeId: initial.office_id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('notify.saved', { name: saved.office_name }));
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  const reload = async () => {
    const fresh = await api.get<OfficeRollout>(
      `/api/rollout/offices/${encodeURIComponent(initial.office_id)}`,
    );
    setRecord(fresh);
    form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={save.isPending}
      submitLabel={t('common.save')}
      error={form.general}
      onReload={() => void reload()}
    >
      <Stack>
        <ChoiceSelect
          label={t('rollout.statusLabel')}
          required
          data-autofocus
          allowDeselect={false}
          data={ONBOARDING_STATUSES.map((value) => ({ value, label: t(`rollout.status.${value}`) }))}
          value={form.values.status}
          error={form.errors.status}
          onChange={(value) => value && form.set('status', value as OnboardingStatus)}
        />
        <ChoiceSelect
          label={t('rollout.wave')}
          placeholder={t('rollout.noWave')}
          clearable
          disabled={!planner || initial.region_id === null}
          data={(waves.data ?? []).map((wave) => ({
            value: wave.id,
            label: t('rollout.waveLabel', { number: wave.number, name: wave.name }),
          }))}
          {...form.field('wave_id')}
        />
        <ChoiceSelect
          label={t('rollout.focalPoint')}
          placeholder={t('common.notSet')}
          clearable
          searchable
          disabled={!planner}
          data={[
            ...(people.data ?? []).map((person) => ({ value: person.id, label: person.full_name })),
            ...(initial.focal_point_id && !(people.data ?? []).some((p) => p.id === initial.focal_point_id)
              ? [{ value: initial.focal_point_id, label: initial.focal_point_name ?? '' }]
              : []),
          ]}
          {...form.field('focal_point_id')}
        />
        <TextInput type="date" label={t('rollout.targetDate')} {...form.text('target_date')} />
        <TextInput
          type="date"
          label={t('rollout.actualDate')}
          description={t('rollout.actualDateHint')}
          {...form.text('actual_date')}
        />
        <Textarea label={t('rollout.notes')} autosize minRows={2} {...form.text('notes')} />
      </Stack>
    </FormBody>
  );
}
