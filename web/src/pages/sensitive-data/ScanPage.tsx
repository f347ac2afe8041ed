import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { ScanDataset } from '@server/modules/classification/sensitive-data.schema';
import { SENSITIVITY_LABELS, type SensitivityLabel } from '@server/modules/inventory/asset.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchAsset, searchAssets } from '../../api/assets';
import { useCan } from '../../api/session';
import { useConfirmLabel, useScan } from '../../api/sensitive-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { Loading } from '../../components/Loading';
import { OfficeSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { RemoteSelect } from '../../components/RemoteSelect';
import { AssetLabelBadge } from '../inventory/AssetLabelBadge';

type Target = 'none' | 'asset' | 'register';

/** Confirm or override one dataset's label, optionally writing it into an inventory asset. */
function LabelForm({ scanId, dataset }: { scanId: string; dataset: ScanDataset }) {
  const { t } = useTranslation();
  const confirm = useConfirmLabel(scanId);
  const [label, setLabel] = useState<string | null>(dataset.decision?.label ?? dataset.proposal.label);
  const [justification, setJustification] = useState('');
  const [target, setTarget] = useState<Target>(dataset.asset_id ? 'asset' : 'none');
  const [assetId, setAssetId] = useState<string | null>(dataset.asset_id);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const overriding = label !== dataset.proposal.label;
  const submit = async () => {
    if (!label) return;
    const asset = target === 'asset' && assetId ? await fetchAsset(assetId) : null;
    confirm.mutate({
      position: dataset.position,
      input: {
        label,
        justification: justification.trim() || null,
        version: dataset.version,
        ...(asset ? { asset_id: asset.id, asset_version: asset.version } : {}),
        ...(target === 'register' && officeId ? { register: { office_id: officeId } } : {}),
      },
    });
  };
  const issue = (path: string) =>
    confirm.error && 'issues' in confirm.error
      ? (confirm.error as { issues: { path: string; message: string }[] }).issues.find((i) => i.path === path)
          ?.message
      : undefined;
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label={t('scans.label')}
          data={SENSITIVITY_LABELS.map((l) => ({ value: l, label: t(`assets.labels.${l}`) }))}
          value={label}
          onChange={setLabel}
          allowDeselect={false}
        />
        <SegmentedControl
          aria-label={t('scans.target')}
          value={target}
          onChange={(v) => setTarget(v as Target)}
          data={[
            { value: 'none', label: t('scans.targetNone') },
            { value: 'asset', label: t('scans.targetAsset') },
            { value: 'register', label: t('scans.targetRegister') },
          ]}
        />
      </Group>
      {target === 'asset' && (
        <RemoteSelect
          label={t('scans.asset')}
          queryKey={['assets', 'label-target']}
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
      {target === 'register' && (
        <OfficeSelect label={t('scans.registerOffice')} value={officeId} onChange={setOfficeId} />
      )}
      <Textarea
        label={t('scans.justification')}
        description={overriding ? t('scans.justificationNeeded') : t('scans.justificationHint')}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        error={issue('justification')}
        autosize
        minRows={2}
      />
      <Group>
        <Button onClick={() => void submit()} loading={confirm.isPending} disabled={!label}>
          {overriding ? t('scans.override') : t('scans.confirm')}
        </Button>
      </Group>
      {confirm.error && !issue('justification') && <ErrorAlert error={confirm.error} />}
    </Stack>
  );
}

function DatasetCard({
  scanId,
  dataset,
  canLabel,
}: {
  scanId: string;
  dataset: ScanDataset;
  canLabel: boolean;
}) {
  const { t, i18n } = useTranslation();
  const found = dataset.columns.filter((c) => c.detections.length > 0);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {dataset.position}. {dataset.source}
          </Title>
          <Text size="sm" c="dimmed">
            {t('scans.datasetFacts', {
              format: dataset.format,
              rows: dataset.rows_scanned,
              columns: dataset.columns.length,
            })}
          </Text>
        </Group>
        <Group gap="xs">
          <Text fw={500}>{t('scans.proposed')}</Text>
          <AssetLabelBadge label={dataset.proposal.label as SensitivityLabel} />
          <Text size="sm" c="dimmed">
            {dataset.proposal.rule}
          </Text>
        </Group>
        {dataset.proposal.reasons.length > 0 && (
          <List size="sm" aria-label={t('scans.reasons')}>
            {dataset.proposal.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        )}
        {found.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scans.column')}</Table.Th>
                <Table.Th>{t('scans.detection')}</Table.Th>
                <Table.Th>{t('scans.confidence')}</Table.Th>
                <Table.Th>{t('scans.matched')}</Table.Th>
                <Table.Th>{t('scans.examples')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.flatMap((column) =>
                column.detections.map((d) => (
                  <Table.Tr key={`${column.name}-${d.type}`}>
                    <Table.Td>
                      <code>{column.name}</code>
                    </Table.Td>
                    <Table.Td>{d.type}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={
                          d.confidence === 'high' ? 'red' : d.confidence === 'medium' ? 'orange' : 'gray'
                        }
                      >
                        {t(`scans.confidences.${d.confidence}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {d.matched}/{d.sampled}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {d.examples.join(', ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        )}
        {dataset.decision && (
          <Alert color="green" title={t('scans.decided')} role="status">
            <Group gap="xs">
              <AssetLabelBadge label={dataset.decision.label as SensitivityLabel} />
              <Text size="sm">
                {t(`scans.changes.${dataset.decision.change}`)} ·{' '}
                {t('scans.decidedBy', {
                  who: dataset.decision.decided_by_label,
                  when: new Date(dataset.decision.decided_at).toLocaleString(i18n.language),
                })}
              </Text>
            </Group>
            {dataset.decision.justification && <Text size="sm">“{dataset.decision.justification}”</Text>}
            {dataset.asset_id && (
              <Anchor component={Link} to={`/inventory/assets/${dataset.asset_id}`} size="sm">
                {t('scans.openAsset', { name: dataset.asset_name ?? dataset.asset_id })}
              </Anchor>
            )}
          </Alert>
        )}
        {canLabel && <LabelForm key={dataset.version} scanId={scanId} dataset={dataset} />}
      </Stack>
    </Card>
  );
}

/** One scan: its job while it runs, then dataset → columns → evidence, with the label decision. */
export function ScanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const scan = useScan(id);
  const trail = [{ label: t('scans.title'), to: '/sensitive-data/scans' }];
  if (scan.isPending) return <Loading />;
  if (scan.error) return <ErrorAlert error={scan.error} onRetry={() => void scan.refetch()} />;
  const data = scan.data;
  const running = data.status === 'queued' || data.status === 'running';
  return (
    <>
      <PageHeader title={data.sources.map((s) => s.name).join(', ')} trail={trail} />
      <Stack maw={1100}>
        <Text size="sm" c="dimmed">
          {t('scans.by', { who: data.created_by_label })} ·{' '}
          {data.sampling.kind === 'full'
            ? t('scans.fullMode')
            : t('scans.sampleMode', { size: data.sampling.size })}
        </Text>
        {(running || data.status !== 'succeeded') && (
          <JobProgress jobId={data.job_id} onFinished={() => void scan.refetch()} />
        )}
        {data.errors.map((e) => (
          <Alert key={e.source} color="red" title={e.source}>
            {e.message}
          </Alert>
        ))}
        {!running && data.datasets.length === 0 && <Text>{t('scans.noDatasets')}</Text>}
        {data.datasets.map((dataset) => (
          <DatasetCard
            key={dataset.id}
            scanId={data.id}
            dataset={dataset}
            canLabel={can('classification.label')}
          />
        ))}
      </Stack>
    </>
  );
}
