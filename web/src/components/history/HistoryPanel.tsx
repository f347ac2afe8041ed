import { useTranslation } from 'react-i18next';
import { useAuditEvents } from '../../api/audit';
import { AuditEventsTable } from './AuditEventsTable';
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
  const { t } = useTranslation();
  const labels = useHistoryLabels(names);
  const query = useAuditEvents(entityType, entityId);
  return (
    <AuditEventsTable
      query={query}
      labels={labels}
      label={t('history.tableLabel', { name })}
      empty={t('history.empty')}
      minWidth={600}
      order={(events) => events.sort((a, b) => b.seq - a.seq)}
    />
  );
}
