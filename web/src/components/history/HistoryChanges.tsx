import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/audit';
import { changedFields } from './history-diff';
import type { HistoryLabels } from './history-labels';

/** The fields one audit event changed, "field: before → after", in the reader's language. */
export function HistoryChanges({ event, labels }: { event: AuditEvent; labels: HistoryLabels }) {
  const { t } = useTranslation();
  // Fields whose values read the same (a new record's empty fields: "— → —") say nothing.
  const changes = changedFields(event.before, event.after).filter(
    (change) => labels.value(change.field, change.before) !== labels.value(change.field, change.after),
  );
  if (changes.length === 0) return <Text c="dimmed">{t('history.noFieldChanges')}</Text>;
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {changes.map((change) => (
        <List.Item key={change.field}>
          {t('history.change', {
            field: labels.field(change.field),
            before: labels.value(change.field, change.before),
            after: labels.value(change.field, change.after),
          })}
        </List.Item>
      ))}
    </List>
  );
}
