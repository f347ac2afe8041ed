import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { AssessmentDetail } from '@server/modules/compliance/compliance.schema';
import type { ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import {
  downloadAssessment,
  useAssessment,
  useRemoveAssessment,
  useUpdateAssessment,
} from '../../api/compliance';
import { useThemes } from '../../api/frameworks';
import { useCan } from '../../api/session';
import { ChartCard } from '../../components/charts/ChartCard';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DetailList } from '../../components/DetailList';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useDownloads } from '../../components/use-downloads';
import { AssessmentStatusBadge } from './ComplianceAssessmentsPage';
import {
  groupRequirements,
  progressOption,
  progressTable,
  type Grouping,
  type ProgressTexts,
  type StatusFilter,
} from './assessment-view';
import { RequirementItem } from './RequirementItem';

const FILTERS = ['unassessed', 'met', 'partial', 'not_met', 'not_applicable'] as const;

/** One assessment: its facts, the progress by theme, and every requirement to assess. */
export function ComplianceAssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <Loading />;
  if (assessment.isError)
    return (
      <>
        <PageHeader
          title={t('compliance.title')}
          trail={[{ label: t('compliance.title'), to: '/compliance' }]}
        />
        {isApiError(assessment.error, 'not_found') ? (
          <Text>{t('compliance.notFound')}</Text>
        ) : (
          <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
        )}
      </>
    );
  return <AssessmentView detail={assessment.data} onReload={() => void assessment.refetch()} />;
}

function AssessmentView({ detail, onReload }: { detail: AssessmentDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const themes = useThemes();
  const update = useUpdateAssessment();
  const remove = useRemoveAssessment();
  const downloads = useDownloads<'xlsx'>();
  const [grouping, setGrouping] = useState<Grouping>('heading');
  const [filter, setFilter] = useState<StatusFilter>(null);
  const writable = can('compliance.write');
  const editable = writable && detail.status === 'in_progress';
  const labels = useMemo(
    () => new Map((themes.data ?? []).map((theme) => [theme.id, theme.label])),
    [themes.data],
  );
  const themeLabel = (theme: ThemeId) => labels.get(theme) ?? theme;
  const office = useMemo(
    () => (detail.office_id ? { id: detail.office_id, name: detail.office_name ?? '' } : null),
    [detail.office_id, detail.office_name],
  );
  const groups = groupRequirements(detail.requirements, grouping, filter, {
    ungrouped: t('compliance.ungrouped'),
    theme: themeLabel,
  });
  const texts: ProgressTexts = {
    statuses: {
      met: t('compliance.status.met'),
      partial: t('compliance.status.partial'),
      not_met: t('compliance.status.not_met'),
      not_applicable: t('compliance.status.not_applicable'),
      unassessed: t('compliance.status.unassessed'),
    },
    columns: {
      theme: t('compliance.theme'),
      total: t('compliance.requirements'),
      score: t('compliance.scorePercent'),
      overall: t('compliance.overall'),
    },
    sheet: t('compliance.byTheme'),
  };
  const { overall } = detail.progress;
  const next = detail.status === 'completed' ? 'in_progress' : 'completed';

  return (
    <>
      <PageHeader
        title={detail.title}
        trail={[{ label: t('compliance.title'), to: '/compliance' }]}
        actions={
          <>
            <DownloadButton
              which="xlsx"
              label={t('compliance.downloadXlsx')}
              icon={IconFileSpreadsheet}
              busy={downloads.busy}
              onDownload={() => void downloads.start('xlsx', () => downloadAssessment(detail.id))}
            />
            {writable && (
              <Button
                variant="default"
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { id: detail.id, input: { status: next, version: detail.version } },
                    { onSuccess: (saved) => notifySuccess(t('notify.saved', { name: saved.title })) },
                  )
                }
              >
                {detail.status === 'completed' ? t('compliance.reopen') : t('compliance.complete')}
              </Button>
            )}
            {writable && (
              <ConfirmDelete
                name={detail.title}
                onConfirm={() => remove.mutateAsync({ id: detail.id, version: detail.version })}
                onDeleted={() => void navigate('/compliance')}
                onReload={onReload}
              />
            )}
          </>
        }
      />
      {downloads.error !== null && <ErrorAlert error={downloads.error} />}
      {update.error !== null && <ErrorAlert error={update.error} onRetry={onReload} />}
      <Stack gap="lg">
        <DetailList
          items={[
            { label: t('compliance.framework'), value: <span lang="en">{detail.framework_title}</span> },
            { label: t('compliance.scope'), value: detail.office_name ?? t('compliance.wholeOrganisation') },
            { label: t('compliance.owner'), value: detail.owner_name },
            { label: t('fields.status'), value: <AssessmentStatusBadge status={detail.status} /> },
          ]}
        />
        <Text role="status">
          {t('compliance.summary', {
            assessed: overall.total - overall.unassessed,
            total: overall.total,
            met: overall.met,
            partial: overall.partial,
            notMet: overall.not_met,
            na: overall.not_applicable,
            score: overall.score === null ? '—' : formatPercent(overall.score, i18n.language),
          })}
        </Text>
        <ChartCard
          title={t('compliance.byTheme')}
          option={progressOption(detail.progress, texts)}
          table={progressTable(detail.progress, texts)}
          height={Math.max(200, 80 + detail.progress.by_theme.filter((row) => row.total > 0).length * 34)}
          empty={t('charts.empty')}
        >
          <Text size="xs" c="dimmed">
            {t('compliance.scoreHint')}
          </Text>
        </ChartCard>
        {detail.status === 'completed' && <Text c="dimmed">{t('compliance.completedHint')}</Text>}
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('compliance.requirements')}
          </Title>
          <Group gap="sm">
            <SegmentedControl
              aria-label={t('compliance.groupBy')}
              value={grouping}
              onChange={(value) => setGrouping(value as Grouping)}
              data={[
                { value: 'heading', label: t('compliance.byHeading') },
                { value: 'theme', label: t('compliance.theme') },
              ]}
            />
            <ChoiceSelect
              aria-label={t('compliance.statusFilter')}
              placeholder={t('compliance.allStatuses')}
              clearable
              value={filter}
              data={FILTERS.map((status) => ({ value: status, label: t(`compliance.status.${status}`) }))}
              onChange={(value) => setFilter(value as StatusFilter)}
            />
          </Group>
        </Group>
        {groups.length === 0 && <Text c="dimmed">{t('compliance.noMatch')}</Text>}
        {groups.map((group) => (
          <Stack key={group.key} gap="xs" component="section" aria-label={group.title}>
            <Title order={3} size="h5" lang={grouping === 'heading' ? 'en' : undefined}>
              {group.title}
            </Title>
            {group.requirements.map((requirement) => (
              <RequirementItem
                key={requirement.requirement_id}
                assessmentId={detail.id}
                requirement={requirement}
                editable={editable}
                office={office}
                themeLabel={themeLabel}
                onReload={onReload}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </>
  );
}
