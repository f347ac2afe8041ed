import { Badge, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AiSystem } from '@server/modules/ai-registry/ai-system.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAiAppChoices, useAiSystem, useRemoveAiSystem } from '../../api/ai-systems';
import { useOfficeOptions } from '../../api/offices';
import { useCan } from '../../api/session';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DetailList } from '../../components/DetailList';
import { EditButton } from '../../components/EditButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RecordTabs } from '../../components/RecordTabs';
import { formatPartialDate } from '../../i18n/format';
import { ApprovalBadge, TierBadge } from './AiSystemBadges';
import { AiSystemFormModal } from './AiSystemFormModal';
import { AssetLink } from './AiSystemLinkFields';
import { codeList } from './code-options';
import type { AiSystemLabelledField } from './ai-system-form-values';
import { ClassificationsPanel } from './ClassificationsPanel';
import { DocumentsPanel } from './DocumentsPanel';

function AiSystemDetails({ system }: { system: AiSystem }) {
  const { t, i18n } = useTranslation();
  const offices = useOfficeOptions();
  const office = offices.data?.find((candidate) => candidate.id === system.office_id)?.name;
  const field = (name: AiSystemLabelledField) => t(`aiRegistry.fields.${name}`);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const apps = useAiAppChoices();
  return (
    <Stack gap="lg" mb="lg">
      <Group gap="xs">
        <TierBadge tier={system.tier} />
        <ApprovalBadge status={system.approval_status} />
        <Badge variant="outline" color="gray" tt="none">
          {t(`aiRegistry.lifecycles.${system.lifecycle}`)}
        </Badge>
      </Group>
      <DetailList
        items={[
          { label: field('public_description'), value: system.public_description },
          { label: field('purpose'), value: system.purpose },
          { label: t('fields.office_id'), value: office },
          { label: field('provider'), value: system.provider },
          { label: field('contract'), value: system.contract },
          {
            label: field('deployment'),
            value: system.deployment && t(`aiRegistry.deployments.${system.deployment}`),
          },
          {
            label: field('models'),
            value: system.models
              .map(
                (m) =>
                  `${m.name}${m.provider ? ` (${m.provider})` : ''}${m.general_purpose ? ` · ${t('aiRegistry.model.generalPurpose')}` : ''}`,
              )
              .join('; '),
          },
          {
            label: field('usage_app_ids'),
            value: system.usage_app_ids
              .map((id) => apps.data?.find((app) => app.id === id)?.name ?? id)
              .join(', '),
          },
          {
            label: field('data_asset_ids'),
            value:
              system.data_asset_ids.length > 0 ? (
                <Group gap="sm">
                  {system.data_asset_ids.map((id) => (
                    <AssetLink key={id} id={id} />
                  ))}
                </Group>
              ) : null,
          },
          { label: field('users'), value: system.users },
          {
            label: field('affected_people'),
            value: system.affected_people.map((value) => t(`aiRegistry.affected.${value}`)).join(', '),
          },
          { label: field('decisions_informed'), value: system.decisions_informed },
          { label: field('human_oversight'), value: system.human_oversight },
          { label: field('languages'), value: codeList(system.languages, 'language', i18n.language) },
          { label: field('countries'), value: codeList(system.countries, 'region', i18n.language) },
          { label: field('alternatives_considered'), value: system.alternatives_considered },
          { label: field('risks_and_mitigations'), value: system.risks_and_mitigations },
          { label: field('personal_data'), value: yesNo(system.personal_data) },
          { label: field('dpia_done'), value: yesNo(system.dpia_done) },
          { label: field('dpia_reference'), value: system.dpia_reference },
          { label: field('approval_conditions'), value: system.approval_conditions },
          {
            label: field('next_review_date'),
            value: system.next_review_date && formatPartialDate(system.next_review_date, i18n.language),
          },
          { label: field('public'), value: yesNo(system.public) },
          ...(system.public
            ? [
                {
                  label: field('public_fields'),
                  value:
                    system.public_fields.map((f) => t(`aiRegistry.publishable.${f}`)).join(', ') ||
                    t('aiRegistry.publicFieldsNone'),
                },
              ]
            : []),
        ]}
      />
      {system.public || (
        <Text size="sm" c="dimmed">
          {t('aiRegistry.notPublic')}
        </Text>
      )}
    </Stack>
  );
}

export function AiSystemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const system = useAiSystem(id);
  const remove = useRemoveAiSystem();
  const [editing, edit] = useDisclosure(false);
  const reload = async () => (await system.refetch()).data;

  if (system.isPending) return <Loading />;
  if (system.isError) return <ErrorAlert error={system.error} onRetry={() => void system.refetch()} />;
  const record = system.data;

  return (
    <>
      <PageHeader
        title={record.name}
        trail={[{ label: t('aiRegistry.title'), to: '/ai-systems' }]}
        actions={
          can('ai.write') && (
            <>
              <EditButton onClick={edit.open} />
              <ConfirmDelete
                name={record.name}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/ai-systems')}
                onReload={() => void system.refetch()}
              />
            </>
          )
        }
      />
      <AiSystemDetails system={record} />
      <RecordTabs
        name={record.name}
        history={{ entityType: 'ai_system', entityId: record.id }}
        tabs={[
          {
            value: 'classifications',
            label: t('aiRegistry.classification.title'),
            panel: <ClassificationsPanel systemId={record.id} />,
          },
          {
            value: 'documents',
            label: t('aiRegistry.documents.title'),
            panel: <DocumentsPanel systemId={record.id} />,
          },
        ]}
      />
      <AiSystemFormModal opened={editing} system={record} onClose={edit.close} onReload={reload} />
    </>
  );
}
