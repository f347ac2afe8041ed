import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../i18n/format';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { useRegions } from '../../api/regions';
import { useScorecard, useScorecardControls } from '../../api/scorecard';
import { useCan } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useReplaceSearch } from '../../components/use-url-filters';
import { BandBadge } from './BandBadge';
import { ControlsPanel } from './ControlsPanel';
import { drillFromParams, drillParams, drillTrail, scorecardQuery, type Drill } from './drill';
import { GroupsPanel } from './GroupsPanel';
import { OfficeMapPanel } from './OfficeMapPanel';
import { SnapshotButton } from './SnapshotButton';
import { TrendPanel } from './TrendPanel';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Data Health Scorecard: the organisation's score, then region by region and office by office
 * (the level is in the address), with the controls behind each score, a world map and the trend.
 */
export function ScorecardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const replaceSearch = useReplaceSearch();
  const drill = drillFromParams(params);
  const asOfParam = params.get('as_of') ?? '';
  const asOf = DATE.test(asOfParam) ? asOfParam : undefined;
  const query = { ...scorecardQuery(drill), as_of: asOf };
  const scorecard = useScorecard(query);
  const controls = useScorecardControls();
  const regions = useRegions();
  const offices = useOfficeOptions();
  const can = useCan();

  const hrefOf = (target: Drill) => {
    const search = drillParams(target, params).toString();
    return search ? `/scorecard?${search}` : '/scorecard';
  };
  const open = (target: Drill) => void navigate(hrefOf(target));

  const regionName =
    drill.level === 'organisation'
      ? null
      : (regions.data?.find((region) => region.code === drill.region)?.name ?? drill.region);
  const officeName = drill.level === 'office' ? (scorecard.data?.groups[0]?.name ?? drill.office) : null;
  const scopeName = officeName ?? regionName ?? t('scorecard.organisation');
  const scoreTitle =
    drill.level === 'organisation'
      ? t('scorecard.organisationScore')
      : t('scorecard.scoreOf', { name: scopeName });
  const trail = drillTrail(drill, { organisation: t('scorecard.title'), region: regionName }).map(
    (crumb) => ({
      label: crumb.label,
      to: hrefOf(crumb.drill),
    }),
  );
  const scope = {
    region_id: regions.data?.find((region) => region.code === query.region)?.id,
    office_id: offices.data?.find((office) => office.code === query.office)?.id,
  };

  return (
    <>
      <PageHeader
        title={drill.level === 'organisation' ? t('scorecard.title') : scopeName}
        trail={trail}
        actions={
          <Group align="flex-end">
            {can('scorecard.snapshot') && <SnapshotButton />}
            {can('scorecard.manage') && (
              <Button
                component={Link}
                to="/scorecard/settings"
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden />}
              >
                {t('scorecard.settings.title')}
              </Button>
            )}
            <TextInput
              type="date"
              label={t('scorecard.asOf')}
              description={t('scorecard.asOfHint')}
              value={asOfParam}
              max="9999-12-31"
              onChange={(event) => {
                const value = event.currentTarget.value;
                replaceSearch((next) => {
                  if (value) next.set('as_of', value);
                  else next.delete('as_of');
                  return next;
                });
              }}
            />
          </Group>
        }
      />
      {scorecard.isPending ? (
        <Loading />
      ) : scorecard.isError ? (
        <ErrorAlert error={scorecard.error} onRetry={() => void scorecard.refetch()} />
      ) : (
        <Stack gap="md">
          <Paper withBorder p="md" component="section" aria-label={scoreTitle}>
            <Group gap="lg" align="center">
              <Stack gap={0}>
                <Title order={2} size="h4">
                  {scoreTitle}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('scorecard.assetsCount', { count: scorecard.data.overall.assets })} ·{' '}
                  <time dateTime={scorecard.data.as_of}>{scorecard.data.as_of}</time>
                </Text>
              </Stack>
              <Text fz={40} fw={700} lh={1} data-testid="overall-score">
                {scorecard.data.overall.score === null
                  ? '—'
                  : formatScore(scorecard.data.overall.score, i18n.language)}
              </Text>
              <BandBadge band={scorecard.data.overall.band} size="lg" />
            </Group>
            {scorecard.data.overall.score === null && (
              <Text size="sm" mt="xs">
                {t('scorecard.noScore')}
              </Text>
            )}
          </Paper>
          {drill.level !== 'office' && (
            <GroupsPanel scorecard={scorecard.data} drill={drill} hrefOf={hrefOf} onDrill={open} />
          )}
          <ControlsPanel
            overall={scorecard.data.overall}
            info={controls.data?.controls}
            scope={scope}
            asOf={scorecard.data.as_of}
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <OfficeMapPanel request={query} onDrill={open} />
            <TrendPanel
              drill={drill}
              asOf={asOf}
              scopeName={scopeName}
              groupKeys={scorecard.data.groups.map((group) => group.key)}
            />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
