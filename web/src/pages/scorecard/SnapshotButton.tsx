import { Button } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTakeSnapshot } from '../../api/scorecard';
import { notifyFailure, notifySuccess } from '../../components/notify';
import { useErrorMessage } from '../../i18n/error-message';

/** "Take snapshot now": today's snapshots and actions, then the dashboard's queries refetched. */
export function SnapshotButton() {
  const { t } = useTranslation();
  const snapshot = useTakeSnapshot();
  const message = useErrorMessage();
  return (
    <Button
      variant="light"
      leftSection={<IconCamera size={16} aria-hidden />}
      loading={snapshot.isPending}
      onClick={() =>
        snapshot.mutate(undefined, {
          onSuccess: (result) =>
            notifySuccess(
              t('scorecard.snapshot.done', {
                date: result.as_of,
                count: result.snapshots,
                opened: result.actions.opened,
                closed: result.actions.closed,
              }),
            ),
          onError: (error) => notifyFailure(message(error)),
        })
      }
    >
      {t('scorecard.snapshot.take')}
    </Button>
  );
}
