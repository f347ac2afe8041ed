import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import type { FrameworkSummary } from '@server/modules/frameworks/frameworks.schema';
import { IconTableColumn } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFrameworks } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExternalLink } from '../../components/ExternalLink';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatPartialDate } from '../../i18n/format';

/** The host a source link points to, shown instead of the whole address. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function FrameworkRow({ framework }: { framework: FrameworkSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw="normal">
        <Stack gap={2} lang="en">
          <Anchor component={Link} to={`/frameworks/${framework.id}`} fw={600}>
            {framework.short_title}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {framework.title}
          </Text>
        </Stack>
      </Table.Th>
      <Table.Td>{t(`frameworks.kinds.${framework.kind}`)}</Table.Td>
      <Table.Td lang="en">{framework.issuer}</Table.Td>
      <Table.Td>
        <time dateTime={framework.date}>{formatPartialDate(framework.date, i18n.language)}</time>
      </Table.Td>
      <Table.Td ta="end">{framework.requirement_count}</Table.Td>
      <Table.Td>
        <ExternalLink
          href={framework.source_url}
          context={t('frameworks.sourceOf', { name: framework.short_title })}
        >
          {hostOf(framework.source_url)}
        </ExternalLink>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The frameworks shipped with Custos: what each is, who issued it, when, and where to read it. The
 * library's own texts are in English whatever the interface language; `lang="en"` tells screen
 * readers so, here and on the framework and crosswalk pages.
 */
export function LibraryPage() {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  return (
    <>
      <PageHeader
        title={t('frameworks.title')}
        actions={
          <Button
            component={Link}
            to="/crosswalk"
            variant="default"
            leftSection={<IconTableColumn size={16} aria-hidden />}
          >
            {t('frameworks.compare')}
          </Button>
        }
      />
      <Text maw={900} mb="md">
        {t('frameworks.intro')}
      </Text>
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.isError ? (
        <ErrorAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('frameworks.tableLabel')} highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('frameworks.framework')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.kind')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.issuer')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.date')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('frameworks.requirements')}
                </Table.Th>
                <Table.Th scope="col">{t('frameworks.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {frameworks.data.map((framework) => (
                <FrameworkRow key={framework.id} framework={framework} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
