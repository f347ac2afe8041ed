import { Alert, Button, FileInput, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { FORMAT_CHOICES } from '@server/modules/ai-usage/usage.schema';
import { IconCircleCheck, IconFileUpload, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIngestUsageLog, useUsageFiles, type IngestResult } from '../../api/usage';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatPartialDate } from '../../i18n/format';

function ResultView({ result }: { result: IngestResult }) {
  const { t, i18n } = useTranslation();
  const already = result.status === 'already_ingested';
  return (
    <Alert
      color={already ? 'blue' : 'green'}
      icon={already ? <IconInfoCircle aria-hidden /> : <IconCircleCheck aria-hidden />}
      title={t(already ? 'usage.ingest.alreadyTitle' : 'usage.ingest.doneTitle', { file: result.file })}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('usage.ingest.resultBody', {
            format: t(`usage.format.${result.format}`),
            lines: result.lines.toLocaleString(),
            events: result.events.toLocaleString(),
            matched: result.ai_events.toLocaleString(),
            malformed: result.malformed.toLocaleString(),
          })}
        </Text>
        {result.period.from && (
          <Text size="sm">
            {t('usage.ingest.period', {
              from: formatPartialDate(result.period.from, i18n.language),
              to: formatPartialDate(result.period.to ?? '', i18n.language),
            })}
          </Text>
        )}
        {result.alerts && (
          <Text size="sm">
            {t('usage.ingest.alerts', {
              count: result.alerts.alerts,
              opened: result.alerts.actions.opened,
              closed: result.alerts.actions.closed,
            })}
          </Text>
        )}
        {result.malformed_examples.length > 0 && (
          <>
            <Text size="sm">{t('usage.ingest.malformedFirst')}</Text>
            <List size="sm">
              {result.malformed_examples.map((example) => (
                <List.Item key={example.line}>
                  {t('usage.ingest.malformedLine', { line: example.line, reason: example.reason })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

function FilesTable() {
  const { t } = useTranslation();
  const files = useUsageFiles();
  if (files.isPending) return <Loading />;
  if (files.isError) return <ErrorAlert error={files.error} onRetry={() => void files.refetch()} />;
  const rows = files.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <Text c="dimmed">{t('usage.ingest.noFiles')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{t('usage.ingest.filesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('usage.columns.file')}</Table.Th>
              <Table.Th>{t('usage.columns.format')}</Table.Th>
              <Table.Th ta="right">{t('usage.columns.lines')}</Table.Th>
              <Table.Th ta="right">{t('usage.columns.aiEvents')}</Table.Th>
              <Table.Th ta="right">{t('usage.columns.malformed')}</Table.Th>
              <Table.Th>{t('usage.columns.days')}</Table.Th>
              <Table.Th>{t('usage.columns.ingestedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((file) => (
              <Table.Tr key={file.id}>
                <Table.Td>{file.name}</Table.Td>
                <Table.Td>{file.format}</Table.Td>
                <Table.Td ta="right">{file.lines.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{file.ai_events.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{file.malformed.toLocaleString()}</Table.Td>
                <Table.Td>{file.first_day ? `${file.first_day} – ${file.last_day ?? ''}` : ''}</Table.Td>
                <Table.Td>{new Date(file.ingested_at).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={files.hasNextPage}
        loading={files.isFetchingNextPage}
        onLoad={() => void files.fetchNextPage()}
      />
    </>
  );
}

/** Upload one proxy or DNS log (plain or gzip); the same file twice changes nothing. */
export function UsageIngestPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string>('auto');
  const ingest = useIngestUsageLog();

  return (
    <>
      <PageHeader title={t('usage.ingest.title')} trail={[{ label: t('usage.title'), to: '/usage' }]} />
      <Stack>
        <Text c="dimmed">{t('usage.ingest.intro')}</Text>
        <Paper withBorder p="md">
          <Stack>
            <FileInput
              label={t('usage.ingest.file')}
              description={t('usage.ingest.fileHint')}
              placeholder={t('orgImport.filePlaceholder')}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              value={file}
              onChange={setFile}
            />
            <ChoiceSelect
              label={t('usage.ingest.format')}
              data={FORMAT_CHOICES.map((value) => ({ value, label: t(`usage.format.${value}`) }))}
              value={format}
              allowDeselect={false}
              onChange={(value) => setFormat(value ?? 'auto')}
            />
            <Group>
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={!file}
                loading={ingest.isPending}
                onClick={() => file && ingest.mutate({ file, format })}
              >
                {t('usage.ingest.upload')}
              </Button>
            </Group>
            {ingest.isError && <ErrorAlert error={ingest.error} />}
            {ingest.isSuccess && <ResultView result={ingest.data} />}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t('usage.ingest.files')}
            </Title>
            <FilesTable />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
