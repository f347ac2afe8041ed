import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconCircleCheck,
  IconFileSpreadsheet,
  IconFileUpload,
  IconListCheck,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadInventory,
  useImportInventory,
  type InventoryDownload,
  type InventoryImportResult,
} from '../../api/inventory-import';
import type { ImportIssue } from '../../api/org-import';
import { useCan } from '../../api/session';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useDownloads } from '../../components/use-downloads';
import { ImportIssues } from '../org/import/ImportIssues';
import {
  fileKey,
  readyToImport,
  refusedIssues,
  sortedIssues,
  type CheckedFile,
} from '../org/import/import-state';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome =
  | { type: 'checked'; result: InventoryImportResult; issues: ImportIssue[] }
  | { type: 'imported'; result: InventoryImportResult }
  | { type: 'refused'; issues: ImportIssue[] }
  | { type: 'failed'; error: unknown };

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.type === 'failed') return <ErrorAlert error={outcome.error} />;
  if (outcome.type === 'refused') return <ImportIssues issues={outcome.issues} refused />;
  if (outcome.type === 'checked' && outcome.issues.length > 0)
    return <ImportIssues issues={outcome.issues} refused={false} />;
  const imported = outcome.type === 'imported';
  const { rows, created, updated, unchanged } = outcome.result;
  return (
    <Alert
      color="green"
      title={imported ? t('orgImport.importedTitle') : t('orgImport.checkedTitle')}
      icon={<IconCircleCheck aria-hidden />}
      role="status"
    >
      {t(imported ? 'inventoryImport.importedBody' : 'inventoryImport.checkedBody', {
        rows,
        created,
        updated,
        unchanged,
      })}
    </Alert>
  );
}

/** The template, the exports (XLSX, CSV, DCAT) and the files to check and import. */
function InventoryImportDownloads() {
  const { t } = useTranslation();
  const { busy, error, start } = useDownloads<InventoryDownload>();
  const download = (which: InventoryDownload) => void start(which, () => downloadInventory(which));
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
          <DownloadButton
            which="dcat"
            label={t('inventoryImport.exportDcat')}
            busy={busy}
            onDownload={download}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('inventoryImport.dcatHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Import data assets from a CSV or XLSX file: check first, then import the checked file. */
export function InventoryImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const importFile = useImportInventory();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CheckedFile | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = fileKey('assets', file);

  const choose = (next: File | null) => {
    setFile(next);
    setChecked(null);
    setOutcome(null);
  };
  const run = (dryRun: boolean) => {
    if (!file || !key) return;
    setOutcome(null);
    importFile.mutate(
      { file, dryRun },
      {
        onSuccess: (result) => {
          setChecked(dryRun ? { key, result } : null);
          setOutcome(
            dryRun
              ? { type: 'checked', result, issues: sortedIssues(result.issues) }
              : { type: 'imported', result },
          );
        },
        onError: (error) => {
          setChecked(null);
          const issues = refusedIssues(error);
          setOutcome(issues ? { type: 'refused', issues } : { type: 'failed', error });
        },
      },
    );
  };
  const pending = importFile.isPending ? importFile.variables : undefined;

  return (
    <>
      <PageHeader title={t('inventoryImport.title')} />
      <Stack maw={900}>
        <Text>{t('inventoryImport.intro')}</Text>
        {can('inventory.write') && (
          <Paper withBorder p="md">
            <Stack>
              <FileInput
                label={t('orgImport.file')}
                description={t('inventoryImport.fileHint')}
                placeholder={t('orgImport.filePlaceholder')}
                accept={ACCEPT}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                leftSection={<IconFileUpload size={16} aria-hidden />}
                value={file}
                onChange={choose}
              />
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconListCheck size={16} aria-hidden />}
                  disabled={!file || (importFile.isPending && pending?.dryRun === false)}
                  loading={pending?.dryRun === true}
                  onClick={() => run(true)}
                >
                  {t('orgImport.check')}
                </Button>
                <Button
                  leftSection={<IconUpload size={16} aria-hidden />}
                  disabled={!readyToImport(checked, key) || pending?.dryRun === true}
                  loading={pending?.dryRun === false}
                  onClick={() => run(false)}
                >
                  {t('orgImport.import')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {t('orgImport.importHint')}
              </Text>
            </Stack>
          </Paper>
        )}
        {outcome && <OutcomeView outcome={outcome} />}
        <InventoryImportDownloads />
      </Stack>
    </>
  );
}
