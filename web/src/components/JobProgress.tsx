import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { Job } from '@server/modules/jobs/jobs.schema';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { jobFinished, useCancelJob, useJob } from '../api/jobs';
import { ErrorAlert } from './ErrorAlert';

const COLOURS: Record<Job['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'orange',
};

interface JobProgressProps {
  jobId: string;
  /** Called once when the job has finished (e.g. to reload what it produced). */
  onFinished?: (job: Job) => void;
}

/** A background job's status and progress bar with its message, polled until it ends; cancellable while it runs. */
export function JobProgress({ jobId, onFinished }: JobProgressProps) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const cancel = useCancelJob();
  const told = useRef(false);
  const data = job.data;
  useEffect(() => {
    if (data && jobFinished(data) && !told.current) {
      told.current = true;
      onFinished?.(data);
    }
  }, [data, onFinished]);
  if (job.error) return <ErrorAlert error={job.error} />;
  if (!data) return null;
  const { done, total, message } = data.progress;
  const finished = jobFinished(data);
  const value = data.status === 'succeeded' ? 100 : total ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap={4} role="status" aria-live="polite" aria-label={t('jobs.progressLabel')}>
      <Group justify="space-between">
        <Badge color={COLOURS[data.status]} variant="light">
          {t(`jobs.statuses.${data.status}`)}
        </Badge>
        {!finished && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            disabled={data.cancel_requested}
            onClick={() => cancel.mutate(data.id)}
          >
            {data.cancel_requested ? t('jobs.cancelling') : t('jobs.cancel')}
          </Button>
        )}
      </Group>
      <Progress
        value={finished || total ? value : 100}
        animated={!finished}
        striped={!finished && !total}
        color={COLOURS[data.status]}
        aria-label={t('jobs.progressLabel')}
      />
      <Text size="sm" c="dimmed">
        {[total ? t('jobs.counted', { done, total }) : null, message].filter(Boolean).join(' · ')}
      </Text>
      {data.error && (
        <Text size="sm" c="red">
          {data.error}
        </Text>
      )}
      {cancel.error && <ErrorAlert error={cancel.error} />}
    </Stack>
  );
}
