import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/regions';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { PageHeader } from '../../components/PageHeader';
import { useUrlFilters } from '../../components/use-url-filters';
import { OfficesRolloutSection } from './OfficesRolloutSection';
import { ProgressSection } from './ProgressSection';
import { WavesSection } from './WavesSection';

/** The regional roll-out: progress per region and wave, the offices and, for planners, the waves. */
export function RolloutPage() {
  const { t } = useTranslation();
  const can = useCan();
  const regions = useRegions();
  const [filters, setFilters] = useUrlFilters(['region_id', 'wave_id', 'status', 'overdue']);
  const regionId = filters.region_id;

  return (
    <>
      <PageHeader title={t('rollout.title')} />
      <Group align="flex-end" mb="md">
        <ChoiceSelect
          label={t('fields.region_id')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(regions.data ?? []).map((region) => ({ value: region.id, label: region.name }))}
          value={regionId ?? null}
          onChange={(value) => setFilters({ region_id: value, wave_id: null })}
        />
      </Group>
      <Stack gap="xl">
        <section aria-labelledby="rollout-progress">
          <Title order={2} size="h3" id="rollout-progress" mb="sm">
            {t('rollout.progress')}
          </Title>
          <ProgressSection regionId={regionId} />
        </section>
        <section aria-labelledby="rollout-offices">
          <Title order={2} size="h3" id="rollout-offices" mb="sm">
            {t('rollout.offices')}
          </Title>
          <OfficesRolloutSection filters={filters} setFilters={setFilters} />
        </section>
        {can('rollout.plan') && (
          <section aria-labelledby="rollout-waves">
            <Title order={2} size="h3" id="rollout-waves" mb="sm">
              {t('rollout.waves')}
            </Title>
            <WavesSection regionId={regionId} />
          </section>
        )}
      </Stack>
    </>
  );
}
