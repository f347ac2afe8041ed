import { Alert, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
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
import { DownloadGroup } from '../../components/DownloadGroup';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportFileControls } from '../../components/ImportFileControls';
import { PageHeader } from '../../components/PageHeader';
import { ImportIssues } from '../org/import/ImportIssues';
import {
  fileKey,
  readyToImport,
  refusedIssues,
  sortedIssues,
  type CheckedFile,
} from '../org/import/import-state';

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

/** The template, and the exports (XLSX, CSV, DCAT) to edit and import again or to publish. */
function InventoryImportDownloads() {
  const { t } = useTranslation();
  return (
    <DownloadGroup<InventoryDownload>
      title={t('orgImport.downloads')}
      items={[
        { which: 'template', label: t('orgImport.template'), icon: IconFileSpreadsheet },
        { which: 'xlsx', label: t('orgImport.exportXlsx') },
        { which: 'csv', label: t('orgImport.exportCsv') },
        { which: 'dcat', label: t('inventoryImport.exportDcat') },
      ]}
      download={downloadInventory}
    >
      <Text size="sm" c="dimmed">
        {t('inventoryImport.dcatHint')}
      </Text>
    </DownloadGroup>
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
              <ImportFileControls
                file={file}
                onFile={choose}
                fileHint={t('inventoryImport.fileHint')}
                pending={pending ? (pending.dryRun ? 'check' : 'import') : null}
                canImport={readyToImport(checked, key)}
                onCheck={() => run(true)}
                onImport={() => run(false)}
              />
            </Stack>
          </Paper>
        )}
        {outcome && <OutcomeView outcome={outcome} />}
        <InventoryImportDownloads />
      </Stack>
    </>
  );
}
