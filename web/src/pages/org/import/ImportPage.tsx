import { Alert, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_KINDS,
  useImportFile,
  type ImportIssue,
  type ImportKind,
  type ImportResult,
} from '../../../api/org-import';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ImportFileControls } from '../../../components/ImportFileControls';
import { PageHeader } from '../../../components/PageHeader';
import { ImportDownloads } from './ImportDownloads';
import { ImportIssues } from './ImportIssues';
import { fileKey, readyToImport, refusedIssues, sortedIssues, type CheckedFile } from './import-state';

type Outcome =
  | { type: 'checked'; result: ImportResult; issues: ImportIssue[] }
  | { type: 'imported'; result: ImportResult }
  | { type: 'refused'; issues: ImportIssue[] }
  | { type: 'failed'; error: unknown };

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.type === 'failed') return <ErrorAlert error={outcome.error} />;
  if (outcome.type === 'refused') return <ImportIssues issues={outcome.issues} refused />;
  if (outcome.type === 'checked' && outcome.issues.length > 0) {
    return <ImportIssues issues={outcome.issues} refused={false} />;
  }
  const { rows, created, updated } = outcome.result;
  const imported = outcome.type === 'imported';
  return (
    <Alert
      color="green"
      title={imported ? t('orgImport.importedTitle') : t('orgImport.checkedTitle')}
      icon={<IconCircleCheck aria-hidden />}
      role="status"
    >
      {t(imported ? 'orgImport.importedBody' : 'orgImport.checkedBody', { rows, created, updated })}
    </Alert>
  );
}

/** Import people or offices from a CSV or XLSX file: check first, then import the checked file. */
export function ImportPage() {
  const { t } = useTranslation();
  const importFile = useImportFile();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CheckedFile | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = fileKey(kind, file);

  const choose = (next: { kind?: ImportKind; file?: File | null }) => {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setChecked(null);
    setOutcome(null);
  };
  const failed = (error: unknown) => {
    const issues = refusedIssues(error);
    setOutcome(issues ? { type: 'refused', issues } : { type: 'failed', error });
  };
  const run = (dryRun: boolean) => {
    if (!file || !key) return;
    setOutcome(null);
    importFile.mutate(
      { kind, file, dryRun },
      {
        onSuccess: (result) => {
          const issues = sortedIssues(result.issues);
          setChecked(dryRun ? { key, result } : null);
          setOutcome(dryRun ? { type: 'checked', result, issues } : { type: 'imported', result });
        },
        onError: (error) => {
          setChecked(null);
          failed(error);
        },
      },
    );
  };
  const pending = importFile.isPending ? importFile.variables : undefined;

  return (
    <>
      <PageHeader title={t('orgImport.title')} />
      <Stack maw={900}>
        <Text>{t('orgImport.intro')}</Text>
        <Paper withBorder p="md">
          <Stack>
            <Radio.Group
              label={t('orgImport.kind')}
              value={kind}
              onChange={(value) => {
                const next = IMPORT_KINDS.find((candidate) => candidate === value);
                if (next) choose({ kind: next });
              }}
            >
              <Group mt="xs">
                {IMPORT_KINDS.map((value) => (
                  <Radio key={value} value={value} label={t(`orgImport.kinds.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
            <ImportFileControls
              file={file}
              onFile={(next) => choose({ file: next })}
              fileHint={t('orgImport.fileHint')}
              pending={pending ? (pending.dryRun ? 'check' : 'import') : null}
              canImport={readyToImport(checked, key)}
              onCheck={() => run(true)}
              onImport={() => run(false)}
            />
          </Stack>
        </Paper>
        {outcome && <OutcomeView outcome={outcome} />}
        <ImportDownloads kind={kind} />
      </Stack>
    </>
  );
}
