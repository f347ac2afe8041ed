import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuditTrail, type AuditEvent, type AuditFilters } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HistoryChanges } from '../../components/history/HistoryChanges';
import { useHistoryLabels, type HistoryLabels } from '../../components/history/history-labels';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';
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
  const { t, i18n } = useTranslation();
  const trail = useAuditTrail(filters);
  // People the snapshots name by id, shown by name (those outside the reader's scope keep their id).
  const people = Object.fromEntries(
    (trail.data?.pages ?? []).flatMap((page) =>
      page.items.flatMap((event) => Object.entries(event.person_names)),
    ),
  );
  const labels = useHistoryLabels(people);

  if (trail.isPending) return <Loading />;
  if (trail.isError) return <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />;
  const events = trail.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('audit.tableLabel')} verticalSpacing="sm" aria-busy={trail.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.action')}</Table.Th>
              <Table.Th>{t('audit.record')}</Table.Th>
              <Table.Th>{t('history.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>
                  <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
                </Table.Td>
                <Table.Td>{event.actor_label}</Table.Td>
                <Table.Td>{labels.action(event.action)}</Table.Td>
                <Table.Td>
                  <RecordCell event={event} labels={labels} />
                </Table.Td>
                <Table.Td>
                  <HistoryChanges event={event} labels={labels} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={trail.hasNextPage}
        loading={trail.isFetchingNextPage}
        onLoad={() => void trail.fetchNextPage()}
      />
    </>
  );
}
