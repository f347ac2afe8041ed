import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditListEvent, AuditPages } from '../../api/audit';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadMore } from '../LoadMore';
import { Loading } from '../Loading';
import { HistoryChanges } from './HistoryChanges';
import type { HistoryLabels } from './history-labels';

interface AuditEventsTableProps {
  /** The pages of events, loaded on demand. */
  query: AuditPages;
  labels: HistoryLabels;
  /** The table's accessible name. */
  label: string;
  /** What to say when there is no event. */
  empty: string;
  minWidth: number;
  /** The order to show the loaded events in (as the API sends them when absent). */
  order?: (events: AuditListEvent[]) => AuditListEvent[];
  /** A column naming each event's record, before the changes (for a trail of many records). */
  record?: { header: string; cell: (event: AuditListEvent) => ReactNode };
  /** Mark the table busy while newer pages load (a filtered trail keeps the old rows meanwhile). */
  showFetching?: boolean;
}

/** Audit events, one a row: when, who, what they did, and which fields changed from what to what. */
export function AuditEventsTable({
  query,
  labels,
  label,
  empty,
  minWidth,
  order = (events) => events,
  record,
  showFetching = false,
}: AuditEventsTableProps) {
  const { t, i18n } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const events = order(query.data.pages.flatMap((page) => page.items));
  if (events.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table
          aria-label={label}
          verticalSpacing="sm"
          aria-busy={showFetching ? query.isFetching : undefined}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.action')}</Table.Th>
              {record && <Table.Th>{record.header}</Table.Th>}
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
                {record && <Table.Td>{record.cell(event)}</Table.Td>}
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
