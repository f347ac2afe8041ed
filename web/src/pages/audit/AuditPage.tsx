import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../api/audit';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useHistoryLabels } from '../../components/history/history-labels';
import { PageHeader } from '../../components/PageHeader';
import { useUrlFilters } from '../../components/use-url-filters';
import en from '../../i18n/en.json';
import { AuditTable } from './AuditTable';
import { VerifyResult } from './VerifyResult';

const ENTITY_TYPES = Object.keys(en.audit.entityTypes);
const ACTIONS = Object.keys(en.history.actions);
const isDate = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const labels = useHistoryLabels();
  const verify = useVerifyAudit();
  const [filters, setFilters] = useUrlFilters(['entity_type', 'action', 'from', 'to']);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        actions={
          can('audit.verify') && (
            <Button
              variant="default"
              leftSection={<IconShieldSearch size={16} aria-hidden />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
            >
              {t('audit.verify')}
            </Button>
          )
        }
      />
      {(verify.data || verify.isError) && (
        <Stack mb="md">
          {verify.data && <VerifyResult result={verify.data} />}
          {verify.isError && <ErrorAlert error={verify.error} />}
        </Stack>
      )}
      <Group align="flex-end" mb="md" wrap="wrap">
        <ChoiceSelect
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          clearable
          data={ENTITY_TYPES.map((value) => ({ value, label: labels.entityType(value) }))}
          value={filters.entity_type ?? null}
          onChange={(value) => setFilters({ entity_type: value })}
        />
        <ChoiceSelect
          label={t('audit.action')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={ACTIONS.map((value) => ({ value, label: labels.action(value) }))}
          value={filters.action ?? null}
          onChange={(value) => setFilters({ action: value })}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => setFilters({ from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => setFilters({ to: event.currentTarget.value })}
        />
      </Group>
      <AuditTable
        filters={{
          entity_type: filters.entity_type,
          action: filters.action,
          from: isDate(filters.from),
          to: isDate(filters.to),
        }}
      />
    </>
  );
}
