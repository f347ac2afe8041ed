import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { ORGANISATION_WIDE_ROLES } from '@server/core/permissions';
import type { SensitivityLabel } from '@server/modules/inventory/asset.schema';
import { IconFileUpload, IconScan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInvalidate } from '../../api/mutations';
import { useCan, useMe } from '../../api/session';
import { useScanPages, useStartScan } from '../../api/sensitive-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { OfficeSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { AssetLabelBadge } from '../inventory/AssetLabelBadge';

const ACCEPT = '.csv,.tsv,.txt,.md,.json,.jsonl,.ndjson,.parquet,.xlsx';

/** Upload files to scan; the scan runs as a job whose progress shows here until it has finished. */
function NewScan() {
  const { t } = useTranslation();
  const me = useMe();
  const start = useStartScan();
  const refresh = useInvalidate([['scans']]);
  const [files, setFiles] = useState<File[]>([]);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [sample, setSample] = useState<number | string>(1000);
  const [full, setFull] = useState(false);
  const started = start.data;
  const role = me.data?.user.role;
  const orgWide = role !== undefined && ORGANISATION_WIDE_ROLES.includes(role);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('scans.newTitle')}
        </Title>
        <FileInput
          label={t('scans.files')}
          description={t('scans.filesHint')}
          placeholder={t('orgImport.filePlaceholder')}
          multiple
          accept={ACCEPT}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          value={files}
          onChange={setFiles}
        />
        <Group align="flex-end">
          <OfficeSelect
            label={t('scans.office')}
            description={orgWide ? t('scans.officeOptional') : undefined}
            value={officeId}
            onChange={setOfficeId}
            clearable
          />
          <NumberInput
            label={t('scans.sample')}
            min={1}
            max={1000000}
            value={sample}
            onChange={setSample}
            disabled={full}
          />
          <Checkbox
            label={t('scans.full')}
            checked={full}
            onChange={(e) => setFull(e.currentTarget.checked)}
          />
        </Group>
        <Group>
          <Button
            leftSection={<IconScan size={16} aria-hidden />}
            disabled={files.length === 0}
            loading={start.isPending}
            onClick={() =>
              start.mutate({ files, officeId, sample: typeof sample === 'number' ? sample : null, full })
            }
          >
            {t('scans.start')}
          </Button>
        </Group>
        {start.error && <ErrorAlert error={start.error} />}
        {started && (
          <Stack gap="xs">
            <JobProgress jobId={started.job_id} onFinished={() => void refresh()} />
            <Anchor component={Link} to={`/sensitive-data/scans/${started.scan_id}`}>
              {t('scans.openResult')}
            </Anchor>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Scans of the reader's offices (and their own), newest first, page by page. */
function ScansTable() {
  const { t, i18n } = useTranslation();
  const scans = useScanPages();
  if (scans.isPending) return <Loading />;
  if (scans.isError) return <ErrorAlert error={scans.error} onRetry={() => void scans.refetch()} />;
  const items = scans.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text>{t('scans.none')}</Text>;
  return (
    <>
      <Table striped aria-label={t('scans.title')} aria-busy={scans.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scans.created')}</Table.Th>
            <Table.Th>{t('scans.sources')}</Table.Th>
            <Table.Th>{t('scans.status')}</Table.Th>
            <Table.Th>{t('scans.datasets')}</Table.Th>
            <Table.Th>{t('scans.highest')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((scan) => (
            <Table.Tr key={scan.id}>
              <Table.Td>
                <Anchor component={Link} to={`/sensitive-data/scans/${scan.id}`}>
                  {new Date(scan.created_at).toLocaleString(i18n.language)}
                </Anchor>
              </Table.Td>
              <Table.Td>{scan.sources.map((s) => s.name).join(', ')}</Table.Td>
              <Table.Td>{t(`jobs.statuses.${scan.status}`)}</Table.Td>
              <Table.Td>
                {t('scans.confirmedOf', { confirmed: scan.confirmed_count, total: scan.dataset_count })}
                {scan.error_count > 0 && ` · ${t('scans.errorCount', { count: scan.error_count })}`}
              </Table.Td>
              <Table.Td>
                {scan.highest_proposed && (
                  <AssetLabelBadge label={scan.highest_proposed as SensitivityLabel} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore
        hasMore={scans.hasNextPage}
        loading={scans.isFetchingNextPage}
        onLoad={() => void scans.fetchNextPage()}
      />
    </>
  );
}

/** The scans list and a form to start one. */
export function ScansPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={t('scans.title')} />
      <Stack maw={1100}>
        <Text c="dimmed" size="sm">
          {t('scans.intro')}
        </Text>
        {can('classification.scan') && <NewScan />}
        <ScansTable />
      </Stack>
    </>
  );
}
