import { Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  ONBOARDING_STATUSES,
  type OfficeRollout,
  type OfficeRolloutListQuery,
} from '@server/modules/rollout/rollout.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRolloutOffices, useWaves } from '../../api/rollout';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import type { FilterChanges } from '../../components/use-url-filters';
import { OfficeRolloutModal } from './OfficeRolloutModal';
import { STATUS_COLOURS } from './status';

type Key = 'region_id' | 'wave_id' | 'status' | 'overdue';
type Status = OfficeRolloutListQuery['status'];
const isStatus = (value?: string): value is NonNullable<Status> =>
  ONBOARDING_STATUSES.some((status) => status === value);

interface Props {
  filters: Partial<Record<Key, string>>;
  setFilters: (changes: FilterChanges<Key>) => void;
}

/** The offices with their roll-out: filters, overdue rows marked, editing in a modal. */
export function OfficesRolloutSection({ filters, setFilters }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const waves = useWaves(filters.region_id);
  const query: OfficeRolloutListQuery = {
    region_id: filters.region_id,
    wave_id: filters.wave_id,
    status: isStatus(filters.status) ? filters.status : undefined,
    overdue: filters.overdue === 'true' ? 'true' : undefined,
  };
  const offices = useRolloutOffices(query);
  const [editing, setEditing] = useState<OfficeRollout | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const edit = (office: OfficeRollout) => {
    setEditing(office);
    open();
  };

  return (
    <>
      <Group align="flex-end" mb="md" wrap="wrap">
        <ChoiceSelect
          label={t('rollout.wave')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'none', label: t('rollout.noWave') },
            ...(waves.data ?? []).map((wave) => ({
              value: wave.id,
              label: t('rollout.waveLabel', { number: wave.number, name: wave.name }),
            })),
          ]}
          value={filters.wave_id ?? null}
          onChange={(value) => setFilters({ wave_id: value })}
        />
        <ChoiceSelect
          label={t('rollout.statusLabel')}
          placeholder={t('common.all')}
          clearable
          data={ONBOARDING_STATUSES.map((value) => ({ value, label: t(`rollout.status.${value}`) }))}
          value={query.status ?? null}
          onChange={(value) => setFilters({ status: value })}
        />
        <Checkbox
          label={t('rollout.onlyOverdue')}
          checked={query.overdue === 'true'}
          onChange={(event) => setFilters({ overdue: event.currentTarget.checked ? 'true' : null })}
          mb={8}
        />
      </Group>
      {offices.isPending ? (
        <Loading />
      ) : offices.isError ? (
        <ErrorAlert error={offices.error} onRetry={() => void offices.refetch()} />
      ) : (
        <OfficesTable
          items={offices.data.pages.flatMap((page) => page.items)}
          busy={offices.isFetching}
          onEdit={can('rollout.write') ? edit : undefined}
        />
      )}
      {offices.data && (
        <LoadMore
          hasMore={offices.hasNextPage}
          loading={offices.isFetchingNextPage}
          onLoad={() => void offices.fetchNextPage()}
        />
      )}
      {editing && <OfficeRolloutModal opened={opened} office={editing} onClose={close} />}
    </>
  );
}

function OfficesTable({
  items,
  busy,
  onEdit,
}: {
  items: OfficeRollout[];
  busy: boolean;
  onEdit?: (office: OfficeRollout) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('rollout.noOffices')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('rollout.offices')} aria-busy={busy} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.region_id')}</Table.Th>
            <Table.Th>{t('rollout.wave')}</Table.Th>
            <Table.Th>{t('rollout.statusLabel')}</Table.Th>
            <Table.Th>{t('rollout.focalPoint')}</Table.Th>
            <Table.Th>{t('rollout.targetDate')}</Table.Th>
            <Table.Th>{t('rollout.actualDate')}</Table.Th>
            {onEdit && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((office) => (
            <Table.Tr
              key={office.office_id}
              bg={office.overdue ? 'var(--mantine-color-red-light)' : undefined}
              data-overdue={office.overdue || undefined}
            >
              <Table.Td>{office.office_code}</Table.Td>
              <Table.Td>{office.office_name}</Table.Td>
              <Table.Td>{office.region_name}</Table.Td>
              <Table.Td>
                {office.wave_number === null
                  ? ''
                  : t('rollout.waveLabel', { number: office.wave_number, name: office.wave_name })}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={STATUS_COLOURS[office.status]} variant="light">
                    {t(`rollout.status.${office.status}`)}
                  </Badge>
                  {office.days_overdue !== null && (
                    <Badge color="red" variant="filled">
                      {t('rollout.overdueDays', { count: office.days_overdue })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{office.focal_point_name}</Table.Td>
              <Table.Td>{office.target_date}</Table.Td>
              <Table.Td>{office.actual_date}</Table.Td>
              {onEdit && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onEdit(office)}
                    aria-label={t('common.editNamed', { name: office.office_name })}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
