import { Button, Group, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { waveCreateSchema, waveUpdateSchema, type Wave } from '@server/modules/rollout/rollout.schema';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRegions } from '../../api/regions';
import { useCreateWave, useRemoveWave, useUpdateWave, useWaves } from '../../api/rollout';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { changedValues } from '../../components/form/changed-values';
import { useFormState } from '../../components/form/use-form-state';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../components/notify';

/** The waves of the regions in view, with add, edit and delete (shown only to those who plan). */
export function WavesSection({ regionId }: { regionId?: string }) {
  const { t } = useTranslation();
  const waves = useWaves(regionId);
  const regions = useRegions();
  const remove = useRemoveWave();
  const regionName = new Map((regions.data ?? []).map((region) => [region.id, region.name]));
  const [editing, setEditing] = useState<Wave | undefined>(undefined);
  const [opened, { open, close }] = useDisclosure(false);
  const show = (wave?: Wave) => {
    setEditing(wave);
    open();
  };

  return (
    <>
      <Group mb="sm">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => show()}>
          {t('rollout.addWave')}
        </Button>
      </Group>
      {waves.isPending ? (
        <Loading />
      ) : waves.isError ? (
        <ErrorAlert error={waves.error} onRetry={() => void waves.refetch()} />
      ) : waves.data.length === 0 ? (
        <Text c="dimmed">{t('rollout.noWaves')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label={t('rollout.waves')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.region_id')}</Table.Th>
                <Table.Th>{t('rollout.number')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('rollout.plannedStart')}</Table.Th>
                <Table.Th>{t('rollout.plannedEnd')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waves.data.map((wave) => (
                <Table.Tr key={wave.id}>
                  <Table.Td>{regionName.get(wave.region_id)}</Table.Td>
                  <Table.Td>{wave.number}</Table.Td>
                  <Table.Td>{wave.name}</Table.Td>
                  <Table.Td>{wave.planned_start}</Table.Td>
                  <Table.Td>{wave.planned_end}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => show(wave)}
                        aria-label={t('common.editNamed', { name: wave.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <ConfirmDelete
                        compact
                        name={wave.name}
                        onConfirm={() => remove.mutateAsync({ id: wave.id, version: wave.version })}
                        onDeleted={() => undefined}
                        onReload={() => void waves.refetch()}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={opened}
        onClose={close}
        title={editing ? t('rollout.editWave', { name: editing.name }) : t('rollout.addWave')}
      >
        <WaveForm wave={editing} regionId={regionId} onClose={close} />
      </FormModal>
    </>
  );
}

const toValues = (wave?: Wave, regionId?: string) => ({
  region_id: wave?.region_id ?? regionId ?? null,
  name: wave?.name ?? '',
  number: wave?.number ?? 1,
  planned_start: wave?.planned_start ?? '',
  planned_end: wave?.planned_end ?? '',
  notes: wave?.notes ?? '',
});

const toInput = ({ region_id: _region, ...values }: ReturnType<typeof toValues>) => ({
  ...values,
  planned_start: values.planned_start || null,
  planned_end: values.planned_end || null,
  notes: values.notes || null,
});

function WaveForm({
  wave: initial,
  regionId,
  onClose,
}: {
  wave?: Wave;
  regionId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  const create = useCreateWave();
  const update = useUpdateWave();
  const [wave, setWave] = useState(initial);
  const form = useFormState(() => toValues(initial, regionId));
  const done = (saved: Wave) => {
    notifySuccess(t('notify.saved', { name: saved.name }));
    onClose();
  };

  const submit = () => {
    if (!wave) {
      const input = form.check(waveCreateSchema, {
        region_id: form.values.region_id,
        ...toInput(form.values),
      });
      if (input) create.mutate(input, { onSuccess: done, onError: form.fail });
      return;
    }
    const changes = changedValues(toInput(form.values), toInput(toValues(wave)));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(waveUpdateSchema, { ...changes, version: wave.version });
    if (input) update.mutate({ id: wave.id, input }, { onSuccess: done, onError: form.fail });
  };

  const reload = async () => {
    if (!wave) return;
    const fresh = await api.get<Wave>(`/api/rollout/waves/${encodeURIComponent(wave.id)}`);
    setWave(fresh);
    form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
      submitLabel={wave ? t('common.save') : t('common.create')}
      error={form.general}
      onReload={wave && (() => void reload())}
    >
      <Stack>
        <ChoiceSelect
          label={t('fields.region_id')}
          required
          searchable
          disabled={wave !== undefined}
          data={(regions.data ?? []).map((region) => ({ value: region.id, label: region.name }))}
          {...form.field('region_id')}
        />
        <NumberInput
          label={t('rollout.number')}
          required
          min={1}
          allowDecimal={false}
          value={form.values.number}
          error={form.errors.number}
          onChange={(value) => form.set('number', Number(value))}
        />
        <TextInput label={t('fields.name')} required data-autofocus {...form.text('name')} />
        <TextInput type="date" label={t('rollout.plannedStart')} {...form.text('planned_start')} />
        <TextInput type="date" label={t('rollout.plannedEnd')} {...form.text('planned_end')} />
        <Textarea label={t('rollout.notes')} autosize minRows={2} {...form.text('notes')} />
      </Stack>
    </FormBody>
  );
}
