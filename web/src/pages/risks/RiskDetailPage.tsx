import { Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RiskDetail } from '@server/modules/risks/risk.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { useLinkOptions, useRemoveRisk, useRisk } from '../../api/risks';
import { useCan } from '../../api/session';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DetailList } from '../../components/DetailList';
import { EditButton } from '../../components/EditButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RecordTabs } from '../../components/RecordTabs';
import { formatPartialDate } from '../../i18n/format';
import { AcceptancePanel } from './AcceptancePanel';
import { LevelBadge, StatusBadge } from './RiskBadges';
import { RiskFormModal } from './RiskFormModal';
import { useScaleWords } from './RiskFormFields';
import { TreatmentsPanel } from './TreatmentsPanel';

function RiskDetails({ risk }: { risk: RiskDetail }) {
  const { t, i18n } = useTranslation();
  const words = useScaleWords();
  const offices = useOfficeOptions();
  const assets = useLinkOptions('assets');
  const systems = useLinkOptions('ai-systems');
  const officeName = (id: string) => offices.data?.find((o) => o.id === id)?.name ?? id;
  const names = (ids: string[], options: { value: string; label: string }[] | undefined) =>
    ids.map((id) => options?.find((o) => o.value === id)?.label ?? id).join(', ');
  const rating = (l: number | null, i: number | null) =>
    l === null || i === null
      ? null
      : `${l} ${words.likelihood[l - 1]} × ${i} ${words.impact[i - 1]} = ${l * i}`;
  return (
    <Stack gap="lg" mb="lg">
      <Group gap="xs">
        <LevelBadge level={risk.level} />
        <StatusBadge status={risk.status} needsReview={risk.needs_review} />
      </Group>
      <DetailList
        items={[
          { label: t('risks.fields.category'), value: t(`risks.categories.${risk.category}`) },
          { label: t('fields.office_id'), value: officeName(risk.office_id) },
          { label: t('risks.fields.description'), value: risk.description },
          { label: t('risks.fields.cause'), value: risk.cause },
          { label: t('risks.fields.consequence'), value: risk.consequence },
          { label: t('risks.inherent'), value: rating(risk.inherent_likelihood, risk.inherent_impact) },
          { label: t('risks.fields.existing_controls'), value: risk.existing_controls },
          { label: t('risks.residual'), value: rating(risk.residual_likelihood, risk.residual_impact) },
          {
            label: t('risks.fields.treatment'),
            value: risk.treatment && t(`risks.treatments.${risk.treatment}`),
          },
          {
            label: t('risks.fields.next_review_date'),
            value: risk.next_review_date && formatPartialDate(risk.next_review_date, i18n.language),
          },
          { label: t('risks.fields.asset_ids'), value: names(risk.asset_ids, assets.data) },
          { label: t('risks.fields.ai_system_ids'), value: names(risk.ai_system_ids, systems.data) },
          { label: t('risks.fields.usage_app_ids'), value: risk.usage_app_ids.join(', ') },
          { label: t('risks.fields.office_ids'), value: risk.office_ids.map(officeName).join(', ') },
          { label: t('risks.proposedBy'), value: risk.proposed_by },
          { label: t('risks.source'), value: risk.source },
        ]}
      />
    </Stack>
  );
}

export function RiskDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const risk = useRisk(id);
  const remove = useRemoveRisk();
  const [editing, edit] = useDisclosure(false);
  const reload = async () => (await risk.refetch()).data;

  if (risk.isPending) return <Loading />;
  if (risk.isError) return <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  const record = risk.data;

  return (
    <>
      <PageHeader
        title={record.title}
        trail={[{ label: t('risks.title'), to: '/risks' }]}
        actions={
          can('risk.write') && (
            <>
              <EditButton onClick={edit.open} />
              <ConfirmDelete
                name={record.title}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/risks')}
                onReload={() => void risk.refetch()}
              />
            </>
          )
        }
      />
      <RiskDetails risk={record} />
      <RecordTabs
        name={record.title}
        history={{ entityType: 'risk', entityId: record.id }}
        tabs={[
          {
            value: 'treatments',
            label: t('risks.treatment.title'),
            panel: <TreatmentsPanel risk={record} canWrite={can('risk.write')} />,
          },
          { value: 'acceptance', label: t('risks.accept.tab'), panel: <AcceptancePanel risk={record} /> },
        ]}
      />
      <RiskFormModal opened={editing} risk={record} onClose={edit.close} onReload={reload} />
    </>
  );
}
