import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { SENSITIVITY_LABELS } from '@server/modules/inventory/asset.schema';
import { IconFileUpload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchAsset, searchAssets } from '../../api/assets';
import { useAccessCheck } from '../../api/sensitive-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RemoteSelect } from '../../components/RemoteSelect';

const SEVERITY_COLOURS: Record<string, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray',
};

/** Check a permission listing against a label, or against an asset (its violations become actions). */
export function AccessCheckPage() {
  const { t } = useTranslation();
  const check = useAccessCheck();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'label' | 'asset'>('label');
  const [label, setLabel] = useState<string | null>('Confidential');
  const [assetId, setAssetId] = useState<string | null>(null);
  const result = check.data;
  return (
    <>
      <PageHeader title={t('accessCheck.title')} />
      <Stack maw={1100}>
        <Text c="dimmed" size="sm">
          {t('accessCheck.intro')}
        </Text>
        <Paper withBorder p="md">
          <Stack>
            <FileInput
              label={t('accessCheck.file')}
              description={t('accessCheck.fileHint')}
              placeholder={t('orgImport.filePlaceholder')}
              accept=".csv,.xlsx"
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              value={file}
              onChange={setFile}
            />
            <SegmentedControl
              aria-label={t('accessCheck.against')}
              value={mode}
              onChange={(v) => setMode(v as 'label' | 'asset')}
              data={[
                { value: 'label', label: t('accessCheck.byLabel') },
                { value: 'asset', label: t('accessCheck.byAsset') },
              ]}
            />
            {mode === 'label' ? (
              <Select
                label={t('scans.label')}
                data={SENSITIVITY_LABELS.map((l) => ({ value: l, label: t(`assets.labels.${l}`) }))}
                value={label}
                onChange={setLabel}
                allowDeselect={false}
              />
            ) : (
              <RemoteSelect
                label={t('scans.asset')}
                description={t('accessCheck.assetHint')}
                queryKey={['assets', 'access-check']}
                value={assetId}
                onChange={setAssetId}
                search={async (q) =>
                  (await searchAssets({ q, sort: 'name' })).map((a) => ({ value: a.id, label: a.name }))
                }
                lookup={async (id) => {
                  const a = await fetchAsset(id);
                  return { value: a.id, label: a.name };
                }}
              />
            )}
            <Group>
              <Button
                leftSection={<IconShieldCheck size={16} aria-hidden />}
                disabled={!file || (mode === 'asset' ? !assetId : !label)}
                loading={check.isPending}
                onClick={() =>
                  file &&
                  check.mutate({
                    file,
                    label: mode === 'label' ? label : null,
                    assetId: mode === 'asset' ? assetId : null,
                  })
                }
              >
                {t('accessCheck.check')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {check.error && <ErrorAlert error={check.error} />}
        {result && (
          <Stack>
            <Alert
              color={result.violations.length ? 'red' : 'green'}
              title={t('accessCheck.summary', {
                rows: result.rows,
                label: t(`assets.labels.${result.label as 'Public'}`),
                count: result.violations.length,
              })}
              role="status"
            >
              {result.asset && result.actions && (
                <Text size="sm">
                  {t('accessCheck.actions', result.actions)}{' '}
                  <Link to={`/actions?source=access&subject=${result.asset.id}`}>
                    {t('accessCheck.seeActions')}
                  </Link>
                </Text>
              )}
            </Alert>
            {result.violations.length > 0 && (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accessCheck.severity')}</Table.Th>
                    <Table.Th>{t('accessCheck.resource')}</Table.Th>
                    <Table.Th>{t('accessCheck.principal')}</Table.Th>
                    <Table.Th>{t('accessCheck.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.violations.map((v, i) => (
                    <Table.Tr key={`${v.resource}-${v.principal ?? ''}-${i}`}>
                      <Table.Td>
                        <Badge color={SEVERITY_COLOURS[v.severity]} variant="light">
                          {t(`accessCheck.severities.${v.severity}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{v.resource}</Table.Td>
                      <Table.Td>{v.principal ?? ''}</Table.Td>
                      <Table.Td>{v.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
