import { Badge, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { ONBOARDING_STATUSES, type ProgressGroup } from '@server/modules/rollout/rollout.schema';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useRolloutProgress } from '../../api/rollout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { STATUS_COLOURS } from './status';

/** One card per region: a ring for the share complete, counts per status, a bar per wave. */
export function ProgressSection({ regionId }: { regionId?: string }) {
  const { t, i18n } = useTranslation();
  const percent = (value: number) => formatPercent(value, i18n.language);
  const progress = useRolloutProgress(regionId);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  const { regions, overall } = progress.data;
  return (
    <Stack>
      <Text>
        {t('rollout.overall', {
          complete: overall.by_status.complete,
          offices: overall.offices,
          percent: percent(overall.percent_complete),
          overdue: overall.overdue.length,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {regions.map((region) => {
          const name = region.region_name ?? t('rollout.noRegion');
          return (
            <Card key={region.region_id ?? 'none'} withBorder aria-label={name} component="article">
              <Group wrap="nowrap" align="flex-start">
                <RingProgress
                  size={96}
                  thickness={10}
                  roundCaps
                  sections={[{ value: region.percent_complete, color: 'teal' }]}
                  label={
                    <Text ta="center" fw={700} size="sm">
                      {percent(region.percent_complete)}
                    </Text>
                  }
                  aria-label={t('rollout.percentComplete', {
                    name,
                    percent: percent(region.percent_complete),
                  })}
                />
                <Stack gap={4} style={{ flex: 1 }}>
                  <Text fw={600}>{name}</Text>
                  {region.region_id !== null && region.waves.length === 0 && (
                    <Badge variant="light" color="gray">
                      {t('rollout.notRolledOut')}
                    </Badge>
                  )}
                  <StatusCounts group={region} />
                  {region.overdue.length > 0 && (
                    <Badge color="red" variant="light">
                      {t('rollout.overdueCount', { count: region.overdue.length })}
                    </Badge>
                  )}
                </Stack>
              </Group>
              {region.waves.length > 0 && (
                <Stack gap="xs" mt="md">
                  {region.waves.map((wave) => (
                    <div key={wave.wave_id}>
                      <Group justify="space-between" gap="xs">
                        <Text size="sm">
                          {t('rollout.waveLabel', { number: wave.number, name: wave.name })}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('rollout.waveDone', {
                            complete: wave.by_status.complete,
                            offices: wave.offices,
                            percent: percent(wave.percent_complete),
                          })}
                        </Text>
                      </Group>
                      <Progress
                        value={wave.percent_complete}
                        color="teal"
                        aria-label={t('rollout.percentComplete', {
                          name: t('rollout.waveLabel', { number: wave.number, name: wave.name }),
                          percent: percent(wave.percent_complete),
                        })}
                      />
                    </div>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function StatusCounts({ group }: { group: ProgressGroup }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {ONBOARDING_STATUSES.map((status) => (
        <Badge key={status} color={STATUS_COLOURS[status]} variant="outline" size="sm">
          {t('rollout.statusCount', {
            status: t(`rollout.status.${status}`),
            count: group.by_status[status],
          })}
        </Badge>
      ))}
    </Group>
  );
}
