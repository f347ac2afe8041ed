import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { TREATMENT_STATUSES, type RiskDetail, type TreatmentStatus } from '@server/modules/risks/risk.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddTreatment, useUpdateTreatment } from '../../api/risks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonSelect } from '../../components/PersonSelect';
import { formatPartialDate } from '../../i18n/format';

/** A risk's treatment actions: each owner sees theirs in "My actions" until it is done. */
export function TreatmentsPanel({ risk, canWrite }: { risk: RiskDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const add = useAddTreatment(risk.id);
  const update = useUpdateTreatment(risk.id);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const submit = () =>
    add.mutate(
      { description: description.trim(), owner_person_id: owner, due_date: due },
      {
        onSuccess: () => {
          setDescription('');
          setOwner(null);
          setDue('');
        },
      },
    );

  return (
    <Stack>
      {risk.treatments.length === 0 ? (
        <Text c="dimmed">{t('risks.treatment.empty')}</Text>
      ) : (
        <Table aria-label={t('risks.treatment.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('risks.treatment.description')}</Table.Th>
              <Table.Th>{t('risks.treatment.due')}</Table.Th>
              <Table.Th>{t('risks.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risk.treatments.map((treatment) => (
              <Table.Tr key={treatment.id}>
                <Table.Td>{treatment.description}</Table.Td>
                <Table.Td>
                  {formatPartialDate(treatment.due_date, i18n.language)}{' '}
                  {treatment.overdue && (
                    <Badge color="red" size="sm">
                      {t('myActions.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('risks.treatment.statusOf', { name: treatment.description })}
                    disabled={!canWrite || update.isPending}
                    data={TREATMENT_STATUSES.map((value) => ({
                      value,
                      label: t(`risks.treatment.statuses.${value}`),
                    }))}
                    value={treatment.status}
                    onChange={(value) =>
                      value &&
                      update.mutate({
                        id: treatment.id,
                        input: { version: treatment.version, status: value as TreatmentStatus },
                      })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {update.isError && <ErrorAlert error={update.error} />}
      {canWrite && (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={600}>{t('risks.treatment.add')}</Text>
            <TextInput
              label={t('risks.treatment.description')}
              required
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <PersonSelect
                label={t('risks.treatment.owner')}
                placeholder={t('common.none')}
                clearable
                value={owner}
                onChange={setOwner}
              />
              <TextInput
                type="date"
                label={t('risks.treatment.due')}
                required
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
              />
            </Group>
            {add.isError && <ErrorAlert error={add.error} />}
            <Group>
              <Button onClick={submit} loading={add.isPending} disabled={!description.trim() || !due}>
                {t('risks.treatment.add')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
