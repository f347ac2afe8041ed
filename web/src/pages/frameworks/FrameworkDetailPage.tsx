import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { THEME_IDS, type FrameworkDetail, type ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconInfoCircle, IconTableColumn } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useFramework, useThemes } from '../../api/frameworks';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExternalLink } from '../../components/ExternalLink';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUrlFilters } from '../../components/use-url-filters';
import { formatPartialDate } from '../../i18n/format';
import { selectionSearch } from './crosswalk-selection';
import { RequirementsSection } from './RequirementsSection';

const isThemeId = (value: string | undefined): value is ThemeId => THEME_IDS.some((id) => id === value);

function FrameworkFacts({ framework }: { framework: FrameworkDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" mb="xl">
      <Text size="lg" lang="en">
        {framework.title}
      </Text>
      <DetailList
        items={[
          { label: t('frameworks.issuer'), value: <span lang="en">{framework.issuer}</span> },
          { label: t('frameworks.kind'), value: t(`frameworks.kinds.${framework.kind}`) },
          { label: t('frameworks.version'), value: <span lang="en">{framework.version}</span> },
          {
            label: t('frameworks.date'),
            value: <time dateTime={framework.date}>{formatPartialDate(framework.date, i18n.language)}</time>,
          },
          {
            label: t('frameworks.source'),
            value: <ExternalLink href={framework.source_url}>{framework.source_url}</ExternalLink>,
          },
          { label: t('frameworks.requirements'), value: framework.requirement_count },
        ]}
      />
      {framework.dates.length > 0 && (
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('frameworks.keyDates')}
          </Title>
          <List spacing={4}>
            {framework.dates.map((entry) => (
              <List.Item key={`${entry.date} ${entry.event}`}>
                {/* A dash, not a colon: French sets a colon off with a space, and the event is in English anyway. */}
                <time dateTime={entry.date}>{formatPartialDate(entry.date, i18n.language)}</time> —{' '}
                <span lang="en">{entry.event}</span>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('frameworks.licence')}
        </Title>
        <Text size="sm" maw={900} lang="en">
          {framework.licence}
        </Text>
      </div>
    </Stack>
  );
}

function NotInLibrary() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('frameworks.notFound')}
        trail={[{ label: t('frameworks.title'), to: '/frameworks' }]}
      />
      <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
        <Anchor component={Link} to="/frameworks">
          {t('frameworks.backToLibrary')}
        </Anchor>
      </Alert>
    </>
  );
}

/** One framework: where it comes from, then its requirements as a tree to filter by theme and search. */
export function FrameworkDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const framework = useFramework(id);
  const themes = useThemes();
  const [filters, setFilters] = useUrlFilters(['q', 'theme']);
  const theme = isThemeId(filters.theme) ? filters.theme : undefined;

  if (framework.isPending) return <Loading />;
  if (isApiError(framework.error, 'not_found')) return <NotInLibrary />;
  if (framework.isError)
    return <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;
  const record = framework.data;
  const labels = new Map((themes.data ?? []).map((view) => [view.id, view.label]));
  const themeLabel = (themeId: ThemeId) => labels.get(themeId) ?? themeId;

  return (
    <>
      <PageHeader
        title={record.short_title}
        trail={[{ label: t('frameworks.title'), to: '/frameworks' }]}
        actions={
          <Button
            component={Link}
            to={`/crosswalk${selectionSearch({ frameworks: [record.id], themes: [] })}`}
            variant="default"
            leftSection={<IconTableColumn size={16} aria-hidden />}
          >
            {t('frameworks.compare')}
          </Button>
        }
      />
      <FrameworkFacts framework={record} />
      <Title order={2} size="h3" mb="sm">
        {t('frameworks.tree.title')}
      </Title>
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput
          label={t('frameworks.tree.search')}
          value={filters.q ?? ''}
          onSearch={(q) => setFilters({ q })}
        />
        <ChoiceSelect
          label={t('frameworks.tree.theme')}
          placeholder={t('frameworks.tree.allThemes')}
          clearable
          data={record.themes.map((value) => ({ value, label: themeLabel(value) }))}
          value={theme ?? null}
          onChange={(value) => setFilters({ theme: value })}
        />
      </Group>
      <RequirementsSection
        // A new filter starts from a fully expanded tree, so no match is hidden in a collapsed branch.
        key={`${filters.q ?? ''}|${theme ?? ''}`}
        framework={record}
        filter={{ text: filters.q, theme }}
        themeLabel={themeLabel}
        onClearFilters={() => setFilters({ q: null, theme: null })}
      />
    </>
  );
}
