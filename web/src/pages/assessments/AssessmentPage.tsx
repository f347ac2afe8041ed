import { Accordion, Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AssessmentDetail } from '@server/modules/assessments/assessments.schema';
import {
  exportPath,
  useAssessment,
  useChangeAssessment,
  useCompleteAssessment,
  useReopenAssessment,
} from '../../api/assessments';
import { downloadFile } from '../../api/download';
import { useCan } from '../../api/session';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useDownloads } from '../../components/use-downloads';
import { formatDateTime } from '../../i18n/format';
import { AssessmentStatusBadge } from './AssessmentStatusBadge';
import { FindingsSection } from './FindingsSection';
import { QuestionField } from './QuestionField';
import { useLanguage } from './language';
import { useAutosave } from './use-autosave';

/** Run an assessment: answers by section, evidence per question, findings, review, completion and exports. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const revision = params.get('revision') ? Number(params.get('revision')) : null;
  const query = useAssessment(id, revision);
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  return (
    <AssessmentView
      key={`${query.data.id}:${query.data.revision}:${revision}`}
      detail={query.data}
      revision={revision}
      reload={() => void query.refetch()}
    />
  );
}

function AssessmentView({
  detail,
  revision,
  reload,
}: {
  detail: AssessmentDetail;
  revision: number | null;
  /** Read the assessment again (after a version conflict). */
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const can = useCan();
  const canWrite = can('assessment.write');
  const locked = detail.status === 'completed' || revision !== null;
  const readOnly = locked || !canWrite;
  const autosave = useAutosave(detail);
  const change = useChangeAssessment(detail.id);
  const complete = useCompleteAssessment(detail.id);
  const reopen = useReopenAssessment(detail.id);
  const downloads = useDownloads<'docx' | 'pdf'>();
  const download = (format: 'docx' | 'pdf') =>
    void downloads.start(format, () =>
      downloadFile(
        exportPath(detail.id, format),
        { lang, revision: revision ?? undefined },
        `assessment.${format}`,
      ),
    );

  return (
    <>
      <PageHeader
        title={detail.title}
        trail={[{ label: t('assessments.title'), to: '/assessments' }]}
        actions={
          <Group>
            <DownloadButton
              which="docx"
              label={t('assessments.downloadDocx')}
              icon={IconFileTypeDocx}
              busy={downloads.busy}
              onDownload={download}
            />
            <DownloadButton
              which="pdf"
              label={t('assessments.downloadPdf')}
              icon={IconFileTypePdf}
              busy={downloads.busy}
              onDownload={download}
            />
          </Group>
        }
      />
      <Stack gap="lg">
        <Group gap="sm">
          <AssessmentStatusBadge status={detail.status} />
          <Badge variant="outline">{t('assessments.revision', { n: detail.revision })}</Badge>
          <Text size="sm">{detail.template.title[lang]}</Text>
          <Text size="sm" c="dimmed">
            {detail.subject_text} · {detail.office_name}
          </Text>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('assessments.answeredOf', { answered: detail.answered, total: detail.questions })}
            {autosave.saving
              ? ` · ${t('assessments.saving')}`
              : autosave.saved
                ? ` · ${t('assessments.saved')}`
                : ''}
          </Text>
        </Group>
        {revision !== null && (
          <Alert color="blue" icon={<IconLock aria-hidden />}>
            {t('assessments.viewingVersion', { n: revision })}{' '}
            <Anchor component={Link} to={`/assessments/${detail.id}`}>
              {t('assessments.backToCurrent')}
            </Anchor>
          </Alert>
        )}
        {revision === null && detail.status === 'completed' && (
          <Alert color="green" icon={<IconLock aria-hidden />}>
            {t('assessments.lockedNotice', {
              date: detail.completed_at ? formatDateTime(detail.completed_at, i18n.language) : '',
            })}
          </Alert>
        )}
        {downloads.error !== null && <ErrorAlert error={downloads.error} />}
        {autosave.error && <ErrorAlert error={autosave.error} onRetry={reload} />}
        {[change.error, complete.error, reopen.error].map(
          (error, i) => error && <ErrorAlert key={i} error={error} onRetry={reload} />,
        )}
        {revision === null && canWrite && (
          <Group>
            {detail.status === 'draft' && (
              <Button
                variant="light"
                loading={change.isPending}
                onClick={() => change.mutate({ version: detail.version, status: 'in_review' })}
              >
                {t('assessments.sendToReview')}
              </Button>
            )}
            {detail.status === 'in_review' && (
              <>
                <Button
                  variant="default"
                  loading={change.isPending}
                  onClick={() => change.mutate({ version: detail.version, status: 'draft' })}
                >
                  {t('assessments.backToDraft')}
                </Button>
                <Button
                  color="green"
                  leftSection={<IconLock size={16} aria-hidden />}
                  loading={complete.isPending}
                  onClick={() => complete.mutate(detail.version)}
                >
                  {t('assessments.complete')}
                </Button>
              </>
            )}
            {detail.status === 'completed' && (
              <Button
                variant="light"
                loading={reopen.isPending}
                onClick={() => reopen.mutate(detail.version)}
              >
                {t('assessments.reopen')}
              </Button>
            )}
          </Group>
        )}
        <Accordion multiple defaultValue={[detail.template.sections[0]?.id ?? '']} variant="separated">
          {detail.template.sections.map((section, s) => {
            const answered = section.questions.filter((q) => detail.answers[q.id] !== undefined).length;
            return (
              <Accordion.Item key={section.id} value={section.id}>
                <Accordion.Control>
                  <Group justify="space-between" pr="md">
                    <Text fw={500}>
                      {s + 1}. {section.title[lang]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {answered}/{section.questions.length}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="lg">
                    {section.intro && <Text size="sm">{section.intro[lang]}</Text>}
                    {section.questions.map((question, q) => (
                      <QuestionField
                        key={question.id}
                        assessmentId={detail.id}
                        number={`${s + 1}.${q + 1}`}
                        question={question}
                        value={detail.answers[question.id]}
                        evidence={detail.evidence.filter((e) => e.owner_slot === question.id)}
                        readOnly={readOnly}
                        onChange={(value) => autosave.change(question.id, value)}
                      />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
        <section aria-labelledby="assessment-findings">
          <Title order={2} size="h3" id="assessment-findings" mb="sm">
            {t('assessments.findings')}
          </Title>
          <FindingsSection detail={detail} readOnly={locked} canWrite={canWrite && revision === null} />
        </section>
        <section aria-labelledby="assessment-versions">
          <Title order={2} size="h3" id="assessment-versions" mb="sm">
            {t('assessments.versions')}
          </Title>
          {detail.versions.length === 0 ? (
            <Text c="dimmed">{t('assessments.noVersions')}</Text>
          ) : (
            <List>
              {detail.versions.map((v) => (
                <List.Item key={v.revision}>
                  <Anchor component={Link} to={`/assessments/${detail.id}?revision=${v.revision}`}>
                    {t('assessments.revision', { n: v.revision })}
                  </Anchor>{' '}
                  —{' '}
                  {t('assessments.completedBy', {
                    who: v.completed_by,
                    date: formatDateTime(v.completed_at, i18n.language),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </section>
      </Stack>
    </>
  );
}
