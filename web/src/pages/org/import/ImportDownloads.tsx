import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport, downloadTemplate, type ImportKind } from '../../../api/org-import';
import { ErrorAlert } from '../../../components/ErrorAlert';

type Download = 'template' | 'xlsx' | 'csv';

/** The template to fill in, and the current records to edit and import again. */
export function ImportDownloads({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Download | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (which: Download) => {
    setBusy(which);
    setError(null);
    try {
      await (which === 'template' ? downloadTemplate(kind) : downloadExport(kind, which));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  const button = (which: Download, label: string, icon: typeof IconDownload) => {
    const Icon = icon;
    return (
      <Button
        variant="default"
        leftSection={<Icon size={16} aria-hidden />}
        loading={busy === which}
        disabled={busy !== null && busy !== which}
        onClick={() => void download(which)}
      >
        {label}
      </Button>
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('orgImport.downloads')}
        </Title>
        {error !== null && <ErrorAlert error={error} />}
        <Group gap="xs">
          {button('template', t('orgImport.template'), IconFileSpreadsheet)}
          {button('xlsx', t('orgImport.exportXlsx'), IconDownload)}
          {button('csv', t('orgImport.exportCsv'), IconDownload)}
        </Group>
      </Stack>
    </Paper>
  );
}
