import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuditTrail, type AuditEvent, type AuditFilters } from '../../api/audit';
import { AuditEventsTable } from '../../components/history/AuditEventsTable';
import { useHistoryLabels, type HistoryLabels } from '../../components/history/history-labels';
import { recordName, recordPath } from './audit-record';

function RecordCell({ event, labels }: { event: AuditEvent; labels: HistoryLabels }) {
  const name = recordName(event) ?? event.entity_id;
  const path = recordPath(event);
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {labels.entityType(event.entity_type)}
      </Text>
      {path ? (
        <Anchor component={Link} to={path} size="sm">
          {name}
        </Anchor>
      ) : (
        <Text size="sm">{name}</Text>
      )}
    </Stack>
  );
}

/** Audit events in the reader's scope, newest first, with what each changed. */
export function AuditTable({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const trail = useAuditTrail(filters);
  // People the snapshots name by id, shown by name (those outside the reader's scope keep their id).
  const people = Object.fromEntries(
    (trail.data?.pages ?? []).flatMap((page) =>
      page.items.flatMap((event) => Object.entries(event.person_names)),
    ),
  );
  const labels = useHistoryLabels(people);

  return (
    <AuditEventsTable
      query={trail}
      labels={labels}
      label={t('audit.tableLabel')}
      empty={t('audit.empty')}
      minWidth={900}
      record={{ header: t('audit.record'), cell: (event) => <RecordCell event={event} labels={labels} /> }}
      showFetching
    />
  );
}
