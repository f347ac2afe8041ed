import { Button, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { AssessmentDetail, Severity } from '@server/modules/assessments/assessments.schema';
import { SEVERITIES } from '@server/modules/assessments/assessments.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddFinding, useOpenRisk, useRemoveFinding, useUpdateFinding } from '../../api/assessments';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SeverityBadge } from './AssessmentStatusBadge';
import { useLanguage } from './language';

/** The findings of an assessment: severity, recommendation, question, and the risk each opened. */
export function FindingsSection({
  detail,
  readOnly,
  canWrite,
}: {
  detail: AssessmentDetail;
  readOnly: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const add = useAddFinding(detail.id);
  const update = useUpdateFinding(detail.id);
  const remove = useRemoveFinding(detail.id);
  const openRisk = useOpenRisk(detail.id);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [recommendation, setRecommendation] = useState('');
  const [questionId, setQuestionId] = useState<string | null>(null);
  const questions = detail.template.sections.flatMap((s, i) =>
    s.questions.map((q, j) => ({ value: q.id, label: `${i + 1}.${j + 1} ${q.text[lang]}` })),
  );
  const questionLabel = new Map(questions.map((q) => [q.value, q.label]));

  const submit = async () => {
    await add.mutateAsync({
      title,
      severity,
      recommendation: recommendation || undefined,
      question_id: questionId ?? undefined,
    });
    setTitle('');
    setRecommendation('');
    setQuestionId(null);
  };

  return (
    <Stack>
      {detail.findings.length === 0 ? (
        <Text c="dimmed">{t('assessments.noFindings')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessments.severity')}</Table.Th>
                <Table.Th>{t('assessments.finding')}</Table.Th>
                <Table.Th>{t('assessments.recommendation')}</Table.Th>
                <Table.Th>{t('assessments.question')}</Table.Th>
                <Table.Th>{t('assessments.risk')}</Table.Th>
                {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.findings.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    {readOnly || !canWrite ? (
                      <SeverityBadge severity={f.severity} />
                    ) : (
                      <ChoiceSelect
                        aria-label={t('assessments.severityOf', { name: f.title })}
                        size="xs"
                        w={120}
                        data={SEVERITIES.map((s) => ({ value: s, label: t(`assessments.severities.${s}`) }))}
                        value={f.severity}
                        onChange={(value) =>
                          value &&
                          update.mutate({
                            findingId: f.id,
                            input: { version: f.version, severity: value as Severity },
                          })
                        }
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{f.title}</Table.Td>
                  <Table.Td>{f.recommendation}</Table.Td>
                  <Table.Td>{f.question_id ? questionLabel.get(f.question_id) : ''}</Table.Td>
                  <Table.Td>
                    {f.risk_id ? (
                      <Text size="sm">{f.risk_id}</Text>
                    ) : (
                      canWrite && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={openRisk.isPending}
                          onClick={() => openRisk.mutate({ findingId: f.id, version: f.version })}
                        >
                          {t('assessments.openRisk')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {!readOnly && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('common.deleteNamed', { name: f.title })}
                          onClick={() => remove.mutate({ findingId: f.id, version: f.version })}
                        >
                          {t('common.delete')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {[update.error, remove.error, openRisk.error].map(
        (error, i) => error && <ErrorAlert key={i} error={error} />,
      )}
      {canWrite && !readOnly && (
        <form
          aria-label={t('assessments.addFinding')}
          onSubmit={(event) => {
            event.preventDefault();
            void submit().catch(() => undefined);
          }}
        >
          <Stack gap="xs">
            <Group align="flex-end" grow>
              <TextInput
                label={t('assessments.finding')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <ChoiceSelect
                label={t('assessments.severity')}
                required
                data={SEVERITIES.map((s) => ({ value: s, label: t(`assessments.severities.${s}`) }))}
                value={severity}
                onChange={(value) => value && setSeverity(value as Severity)}
              />
            </Group>
            <ChoiceSelect
              label={t('assessments.question')}
              clearable
              searchable
              data={questions}
              value={questionId}
              onChange={setQuestionId}
            />
            <Textarea
              label={t('assessments.recommendation')}
              autosize
              minRows={2}
              value={recommendation}
              onChange={(e) => setRecommendation(e.currentTarget.value)}
            />
            {add.error && <ErrorAlert error={add.error} />}
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('assessments.addFinding')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
