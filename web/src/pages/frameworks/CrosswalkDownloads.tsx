import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadCrosswalk, type CrosswalkFileFormat, type CrosswalkSelection } from '../../api/frameworks';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDownloads } from '../../components/use-downloads';

const ICONS = { xlsx: IconFileSpreadsheet, md: IconFileText, docx: IconFileTypeDocx };

/** The crosswalk on screen as a spreadsheet, a Markdown page or a Word brief, built by the server. */
export function CrosswalkDownloads({ selection }: { selection: CrosswalkSelection }) {
  const { t } = useTranslation();
  const { busy, error, start } = useDownloads<CrosswalkFileFormat>();
  const download = (format: CrosswalkFileFormat) =>
    void start(format, () => downloadCrosswalk(selection, format));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('crosswalk.downloads')}
        </Title>
        {error !== null && <ErrorAlert error={error} />}
        <Group gap="xs">
          {(['docx', 'xlsx', 'md'] as const).map((format) => (
            <DownloadButton
              key={format}
              which={format}
              label={t(`crosswalk.${format}`)}
              icon={ICONS[format]}
              busy={busy}
              onDownload={download}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('crosswalk.downloadsHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
