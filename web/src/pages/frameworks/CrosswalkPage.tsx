import { Alert, Anchor, EmptyState, MultiSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { THEME_IDS, type ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconAlertTriangle, IconTableColumn } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCrosswalk, useFrameworks, useThemes } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useReplaceSearch } from '../../components/use-url-filters';
import { PageHeader } from '../../components/PageHeader';
import { CrosswalkDownloads } from './CrosswalkDownloads';
import { knownIds, readSelection, selectionSearch, type UrlSelection } from './crosswalk-selection';
import { CrosswalkTable } from './CrosswalkTable';

const EXAMPLE = selectionSearch({
  frameworks: ['eu-ai-act', 'gdpr'],
  themes: ['human_oversight', 'retention'],
});

function EmptySelection() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl">
      <EmptyState
        icon={<IconTableColumn size={32} aria-hidden />}
        title={t('crosswalk.emptyTitle')}
        description={t('crosswalk.emptyBody')}
      >
        <EmptyState.Actions>
          <Anchor component={Link} to={`/crosswalk${EXAMPLE}`} replace>
            {t('crosswalk.example')}
          </Anchor>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

/**
 * Compare frameworks theme by theme. The selection is kept in the address, so a comparison can be
 * bookmarked, reloaded or sent to a colleague; each pick replaces the address rather than adding to
 * the history, as list filters do.
 */
export function CrosswalkPage() {
  const { t } = useTranslation();
  const replaceSearch = useReplaceSearch();
  const [params] = useSearchParams();
  const frameworks = useFrameworks();
  const themes = useThemes();

  const requested = readSelection(params);
  const libraryIds = (frameworks.data ?? []).map((f) => f.id);
  const chosenFrameworks = knownIds(requested.frameworks, libraryIds);
  const chosenThemes = knownIds(requested.themes, THEME_IDS);
  const selection = { frameworks: chosenFrameworks.ids, themes: chosenThemes.ids };
  const crosswalk = useCrosswalk(selection);
  const unknown = frameworks.data ? [...chosenFrameworks.unknown, ...chosenThemes.unknown] : [];

  // Each pick starts from the address as it is now (not as last rendered), or quick picks would
  // replace each other; ids the library does not know are dropped at the first pick.
  const select = (next: Partial<UrlSelection>) =>
    replaceSearch((current) => {
      const now = readSelection(current);
      return selectionSearch({
        frameworks: knownIds(now.frameworks, libraryIds).ids,
        themes: knownIds(now.themes, THEME_IDS).ids,
        ...next,
      });
    });
  const labels = new Map((themes.data ?? []).map((view) => [view.id, view.label]));
  const themeLabel = (id: ThemeId, english: string) => labels.get(id) ?? english;

  if (frameworks.isPending) return <Loading />;
  if (frameworks.isError)
    return <ErrorAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />;

  return (
    <>
      <PageHeader title={t('crosswalk.title')} />
      <Stack>
        <Text maw={900}>{t('crosswalk.intro')}</Text>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <MultiSelect
              label={t('crosswalk.frameworks')}
              description={t('crosswalk.frameworksHint')}
              placeholder={selection.frameworks.length ? undefined : t('crosswalk.frameworksPlaceholder')}
              data={frameworks.data.map((f) => ({ value: f.id, label: f.short_title }))}
              value={selection.frameworks}
              onChange={(ids) => select({ frameworks: ids })}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              nothingFoundMessage={t('common.nothingFound')}
            />
            <MultiSelect
              label={t('crosswalk.themes')}
              description={t('crosswalk.themesHint')}
              placeholder={selection.themes.length ? undefined : t('crosswalk.themesPlaceholder')}
              data={THEME_IDS.map((id) => ({ value: id, label: labels.get(id) ?? id }))}
              value={selection.themes}
              onChange={(ids) => select({ themes: ids })}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              nothingFoundMessage={t('common.nothingFound')}
            />
          </SimpleGrid>
        </Paper>
        {unknown.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
            {t('crosswalk.unknownIgnored', { ids: unknown.join(', ') })}
          </Alert>
        )}
        {selection.frameworks.length === 0 ? (
          <EmptySelection />
        ) : crosswalk.isPending ? (
          <Loading />
        ) : crosswalk.isError ? (
          <ErrorAlert error={crosswalk.error} onRetry={() => void crosswalk.refetch()} />
        ) : (
          <>
            <CrosswalkDownloads selection={selection} />
            <CrosswalkTable
              crosswalk={crosswalk.data}
              themeLabel={themeLabel}
              busy={crosswalk.isPlaceholderData}
            />
          </>
        )}
      </Stack>
    </>
  );
}
