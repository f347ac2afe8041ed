import { Button, FileInput, Group, Text } from '@mantine/core';
import { IconFileUpload, IconListCheck, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportFileControlsProps {
  file: File | null;
  onFile: (file: File | null) => void;
  /** What the file should hold. */
  fileHint: string;
  /** Which request is running: a check (dry run) or the import. */
  pending: 'check' | 'import' | null;
  /** Import only the very file whose check found nothing wrong. */
  canImport: boolean;
  onCheck: () => void;
  onImport: () => void;
}

/** Choose a CSV or XLSX file, check it, then import it: shared by every spreadsheet import page. */
export function ImportFileControls({
  file,
  onFile,
  fileHint,
  pending,
  canImport,
  onCheck,
  onImport,
}: ImportFileControlsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FileInput
        label={t('orgImport.file')}
        description={fileHint}
        placeholder={t('orgImport.filePlaceholder')}
        accept={ACCEPT}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        leftSection={<IconFileUpload size={16} aria-hidden />}
        value={file}
        onChange={onFile}
      />
      <Group>
        <Button
          variant="default"
          leftSection={<IconListCheck size={16} aria-hidden />}
          disabled={!file || pending === 'import'}
          loading={pending === 'check'}
          onClick={onCheck}
        >
          {t('orgImport.check')}
        </Button>
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          disabled={!canImport || pending === 'check'}
          loading={pending === 'import'}
          onClick={onImport}
        >
          {t('orgImport.import')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('orgImport.importHint')}
      </Text>
    </>
  );
}
