import { Box, Group, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeOptions } from '../../api/offices';
import { useRegions } from '../../api/regions';
import { useScorecard, type ScorecardRequest } from '../../api/scorecard';
import { ChartCard } from '../../components/charts/ChartCard';
import { loadWorldMap } from '../../components/charts/world-map';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { BAND_COLOURS, type BandKey } from './bands';
import type { Drill } from './drill';
import { mapCountries, mapTable, worldMapOption, type OfficePlace } from './map-data';
import { useChartTexts } from './use-chart-texts';

const LEGEND: BandKey[] = ['healthy', 'fair', 'notHealthy', 'critical', 'none'];

function useWorldMap() {
  const [state, setState] = useState<{ ready: boolean; error: unknown }>({ ready: false, error: null });
  useEffect(() => {
    let live = true;
    loadWorldMap().then(
      () => live && setState({ ready: true, error: null }),
      (error: unknown) => live && setState({ ready: false, error }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

interface OfficeMapPanelProps {
  request: ScorecardRequest;
  /** Selecting a country with one office opens that office. */
  onDrill: (drill: Drill) => void;
}

/** The offices in scope on a world map, each country in the worst band of its offices. */
export function OfficeMapPanel({ request, onDrill }: OfficeMapPanelProps) {
  const { t } = useTranslation();
  const texts = useChartTexts();
  const world = useWorldMap();
  const offices = useScorecard({ ...request, by: 'office' });
  const officeOptions = useOfficeOptions();
  const regions = useRegions();
  const placed = useMemo(() => {
    const regionCode = new Map(regions.data?.map((region) => [region.id, region.code]));
    const places: OfficePlace[] = (officeOptions.data ?? []).map((office) => ({
      code: office.code,
      country_code: office.country_code,
      region: office.region_id ? (regionCode.get(office.region_id) ?? null) : null,
    }));
    return mapCountries(offices.data?.groups ?? [], places);
  }, [offices.data, officeOptions.data, regions.data]);
  const option = useMemo(
    () => (world.ready ? worldMapOption(placed.countries, texts.map) : null),
    [world.ready, placed, texts],
  );

  const failed = world.error ?? offices.error ?? officeOptions.error;
  if (failed) return <ErrorAlert error={failed} />;
  if (!world.ready || offices.isPending || officeOptions.isPending) {
    return <Loading />;
  }
  return (
    <ChartCard
      title={t('scorecard.map')}
      option={option}
      table={mapTable(placed.countries, placed.unplaced, texts.map)}
      height={360}
      fileDate={offices.data?.as_of}
      onItemClick={({ name }) => {
        const office = placed.countries.find((country) => country.mapName === name)?.offices;
        if (office?.length === 1 && office[0]) {
          onDrill({ level: 'office', region: office[0].region, office: office[0].code });
        }
      }}
    >
      <Group gap="md" aria-label={t('scorecard.band')}>
        {LEGEND.map((key) => (
          <Group key={key} gap={6}>
            <Box w={14} h={14} style={{ background: BAND_COLOURS[key], borderRadius: 3 }} aria-hidden />
            <Text size="sm">{t(`scorecard.bands.${key}`)}</Text>
          </Group>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('scorecard.mapLegend')}
      </Text>
      {placed.unplaced.length > 0 && (
        <Text size="sm">
          {t('scorecard.unplaced', { offices: placed.unplaced.map((office) => office.name).join(', ') })}
        </Text>
      )}
    </ChartCard>
  );
}
