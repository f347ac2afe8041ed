import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditEvents } from '../../api/audit';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { HistoryChanges } from './HistoryChanges';
import { useHistoryLabels } from './history-labels';

interface HistoryPanelProps {
  entityType: string;
  entityId: string;
  /** The record's name, for the table's accessible name. */
  name: string;
  /** Names for ids the snapshots hold besides regions and offices (a person's department). */
  names?: Record<string, string>;
}

/** The audit trail of one record: who did what, when, and which fields changed from what to what. */
export function HistoryPanel({ entityType, entityId, name, names }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const labels = useHistoryLabels(names);
  const query = useAuditEvents(entityType, entityId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const events = query.data.pages.flatMap((page) => page.items).sort((a, b) => b.seq - a.seq);
  if (events.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table aria-label={t('history.tableLabel', { name })} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.action')}</Table.Th>
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
                  <HistoryChanges event={event} labels={labels} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoad={() => void query.fetchNextPage()}
      />
    </>
  );
}
