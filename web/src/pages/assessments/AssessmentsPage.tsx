import { Anchor, Button, FileButton, Group, Progress, Table, Text } from '@mantine/core';
import type { AssessmentStatus } from '@server/modules/assessments/assessments.schema';
import { ASSESSMENT_STATUSES } from '@server/modules/assessments/assessments.schema';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssessmentTemplates, useAssessments, useUploadTemplate } from '../../api/assessments';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useUrlFilters } from '../../components/use-url-filters';
import { formatDateTime } from '../../i18n/format';
import { AssessmentStatusBadge } from './AssessmentStatusBadge';
import { StartAssessmentModal } from './StartAssessmentModal';
import { useLanguage } from './language';

/** Assessments in the reader's scope, with their progress; start one from a template. */
export function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(['status']);
  const [starting, setStarting] = useState(false);
  const uploadTemplate = useUploadTemplate();
  const list = useAssessments({ status: filters.status as AssessmentStatus | undefined });
  const lang = useLanguage();
  const templates = new Map((useAssessmentTemplates().data ?? []).map((tpl) => [tpl.id, tpl.title[lang]]));

  return (
    <>
      <PageHeader
        title={t('assessments.title')}
        actions={
          <Group>
            {can('assessment.templates') && (
              <FileButton
                accept=".yaml,.yml,.json"
                onChange={(file) =>
                  file &&
                  uploadTemplate.mutate(file, {
                    onSuccess: (added) =>
                      notifySuccess(t('assessments.templateAdded', { title: added.template.title[lang] })),
                  })
                }
              >
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    leftSection={<IconUpload size={16} aria-hidden />}
                    loading={uploadTemplate.isPending}
                  >
                    {t('assessments.addTemplate')}
                  </Button>
                )}
              </FileButton>
            )}
            {can('assessment.write') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(true)}>
                {t('assessments.start')}
              </Button>
            )}
          </Group>
        }
      />
      {uploadTemplate.error && <ErrorAlert error={uploadTemplate.error} />}
      <Group mb="md">
        <ChoiceSelect
          label={t('assessments.status')}
          placeholder={t('common.all')}
          clearable
          data={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))}
          value={filters.status ?? null}
          onChange={(value) => setFilters({ status: value })}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.length === 0 ? (
        <Text c="dimmed">{t('assessments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessments.titleField')}</Table.Th>
                <Table.Th>{t('assessments.template')}</Table.Th>
                <Table.Th>{t('assessments.subject')}</Table.Th>
                <Table.Th>{t('fields.office_id')}</Table.Th>
                <Table.Th>{t('assessments.status')}</Table.Th>
                <Table.Th>{t('assessments.progress')}</Table.Th>
                <Table.Th>{t('assessments.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/assessments/${a.id}`}>
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{templates.get(a.template_id) ?? a.template_title}</Table.Td>
                  <Table.Td>{a.subject_text}</Table.Td>
                  <Table.Td>{a.office_name}</Table.Td>
                  <Table.Td>
                    <AssessmentStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td>
                    <Progress
                      value={a.questions ? (100 * a.answered) / a.questions : 0}
                      aria-label={t('assessments.answeredOf', { answered: a.answered, total: a.questions })}
                    />
                    <Text size="xs" c="dimmed">
                      {t('assessments.answeredOf', { answered: a.answered, total: a.questions })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(a.updated_at, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {starting && <StartAssessmentModal opened onClose={() => setStarting(false)} />}
    </>
  );
}
