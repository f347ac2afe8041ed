import { Alert, Paper, Stack } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../api/org-import';
import { downloadRisks, useImportRisks, type RiskDownload, type RiskImportResult } from '../../api/risks';
import { useCan } from '../../api/session';
import { DownloadGroup } from '../../components/DownloadGroup';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportFileControls } from '../../components/ImportFileControls';
import { ImportIssues } from '../org/import/ImportIssues';
import {
  fileKey,
  readyToImport,
  refusedIssues,
  sortedIssues,
  type CheckedFile,
} from '../org/import/import-state';

type Outcome =
  | { type: 'done'; result: RiskImportResult; issues: ImportIssue[] }
  | { type: 'refused'; issues: ImportIssue[] }
  | { type: 'failed'; error: unknown };

/** The register as spreadsheets: template and exports to download, a file to check and import. */
export function RiskImportPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const importFile = useImportRisks();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CheckedFile | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = fileKey('risks', file);
  const run = (dryRun: boolean) => {
    if (!file || !key) return;
    setOutcome(null);
    importFile.mutate(
      { file, dryRun },
      {
        onSuccess: (result) => {
          setChecked(dryRun ? { key, result } : null);
          setOutcome({ type: 'done', result, issues: sortedIssues(result.issues) });
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
    <Stack mt="xl" maw={900}>
      <DownloadGroup<RiskDownload>
        title={t('risks.spreadsheets')}
        items={[
          { which: 'template', label: t('orgImport.template'), icon: IconFileSpreadsheet },
          { which: 'xlsx', label: t('orgImport.exportXlsx') },
          { which: 'csv', label: t('orgImport.exportCsv') },
        ]}
        download={downloadRisks}
      />
      {can('risk.write') && (
        <Paper withBorder p="md">
          <Stack>
            <ImportFileControls
              file={file}
              onFile={(next) => {
                setFile(next);
                setChecked(null);
                setOutcome(null);
              }}
              fileHint={t('risks.importHint')}
              pending={pending ? (pending.dryRun ? 'check' : 'import') : null}
              canImport={readyToImport(checked, key)}
              onCheck={() => run(true)}
              onImport={() => run(false)}
            />
          </Stack>
        </Paper>
      )}
      {outcome?.type === 'failed' && <ErrorAlert error={outcome.error} />}
      {outcome?.type === 'refused' && <ImportIssues issues={outcome.issues} refused />}
      {outcome?.type === 'done' && outcome.issues.length > 0 && (
        <ImportIssues issues={outcome.issues} refused={false} />
      )}
      {outcome?.type === 'done' && outcome.issues.length === 0 && (
        <Alert
          color="green"
          role="status"
          icon={<IconCircleCheck aria-hidden />}
          title={outcome.result.dry_run ? t('orgImport.checkedTitle') : t('orgImport.importedTitle')}
        >
          {t(outcome.result.dry_run ? 'risks.checkedBody' : 'risks.importedBody', {
            rows: outcome.result.rows,
            created: outcome.result.created,
            updated: outcome.result.updated,
            unchanged: outcome.result.unchanged,
          })}
        </Alert>
      )}
    </Stack>
  );
}
