import { Group, Paper, Stack, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadExport, downloadTemplate, type ImportKind } from '../../../api/org-import';
import { DownloadButton } from '../../../components/DownloadButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDownloads } from '../../../components/use-downloads';

type Download = 'template' | 'xlsx' | 'csv';

/** The template to fill in, and the current records to edit and import again. */
export function ImportDownloads({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const { busy, error, start } = useDownloads<Download>();
  const download = (which: Download) =>
    void start(which, () => (which === 'template' ? downloadTemplate(kind) : downloadExport(kind, which)));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('orgImport.downloads')}
        </Title>
        {error !== null && <ErrorAlert error={error} />}
        <Group gap="xs">
          <DownloadButton
            which="template"
            label={t('orgImport.template')}
            icon={IconFileSpreadsheet}
            busy={busy}
            onDownload={download}
          />
          <DownloadButton which="xlsx" label={t('orgImport.exportXlsx')} busy={busy} onDownload={download} />
          <DownloadButton which="csv" label={t('orgImport.exportCsv')} busy={busy} onDownload={download} />
        </Group>
      </Stack>
    </Paper>
  );
}
