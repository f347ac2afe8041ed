import { Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AiClassification } from '@server/modules/ai-registry/ai-system.schema';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiActQuestions } from '../../api/ai-act';
import { useAiClassifications, useClassificationChange } from '../../api/ai-systems';
import { useCan, useMe } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ResultDetails } from '../ai-act/ResultDetails';
import { ClassificationStatusBadge, TierBadge } from './AiSystemBadges';
import { ClassificationEditorModal } from './ClassificationEditor';
import { workflowActions, type WorkflowAction } from './classification-workflow';

function History({ items }: { items: AiClassification[] }) {
  const { t, i18n } = useTranslation();
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '');
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label={t('aiRegistry.classification.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aiRegistry.classification.number')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('aiRegistry.fields.tier')}</Table.Th>
            <Table.Th>{t('aiRegistry.classification.submittedBy')}</Table.Th>
            <Table.Th>{t('aiRegistry.classification.reviewedBy')}</Table.Th>
            <Table.Th>{t('aiRegistry.classification.comments')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...items].reverse().map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.number}</Table.Td>
              <Table.Td>
                <ClassificationStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <TierBadge tier={item.tier} />
              </Table.Td>
              <Table.Td>
                {item.submitted_by ?? ''} {when(item.submitted_at)}
              </Table.Td>
              <Table.Td>
                {item.reviewed_by ?? ''} {when(item.reviewed_at)}
              </Table.Td>
              <Table.Td>{item.review_comments ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A system's EU AI Act classifications: the latest one's result, its workflow, and the history. */
export function ClassificationsPanel({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const list = useAiClassifications(systemId);
  const questions = useAiActQuestions(currentLanguage());
  const change = useClassificationChange(systemId);
  const [editorOpen, editor] = useDisclosure(false);
  const [comments, setComments] = useState('');
  const [error, setError] = useState<unknown>(null);
  const questionsById = useMemo(
    () => new Map((questions.data?.questions ?? []).map((question) => [question.id, question])),
    [questions.data],
  );

  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (questions.isError)
    return <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />;
  if (list.isPending || !questions.data) return <Loading />;
  const items = list.data;
  const latest = items.at(-1);
  const lastVerified = items.findLast((item) => item.status === 'verified');
  const actions = workflowActions(latest?.status ?? null, {
    write: can('ai.write'),
    verify: can('ai.verify'),
  });
  const ownSubmission = latest?.submitted_by !== null && latest?.submitted_by === me.data?.user.email;

  const step = async (action: Exclude<WorkflowAction, 'create' | 'edit'>) => {
    if (!latest) return;
    setError(null);
    try {
      await change.mutateAsync({ kind: action, number: latest.number, version: latest.version, comments });
      setComments('');
    } catch (failure) {
      setError(failure);
    }
  };
  const reviewing = actions.includes('request-changes');

  return (
    <Stack>
      {latest ? (
        <Paper withBorder p="md" component="section" aria-labelledby="ai-classification-current">
          <Stack gap="sm">
            <Group gap="xs">
              <Title order={2} size="h4" id="ai-classification-current">
                {t('aiRegistry.classification.current', { number: latest.number })}
              </Title>
              <ClassificationStatusBadge status={latest.status} />
              <TierBadge tier={latest.tier} />
            </Group>
            {latest.review_comments && (
              <Text size="sm">
                {t('aiRegistry.classification.comments')}: {latest.review_comments}
              </Text>
            )}
            <ResultDetails classification={latest.result} questionsById={questionsById} />
          </Stack>
        </Paper>
      ) : (
        <Text c="dimmed">{t('aiRegistry.classification.none')}</Text>
      )}
      {ownSubmission && (actions.includes('start-review') || reviewing) && (
        <Text size="sm">{t('aiRegistry.classification.ownSubmission')}</Text>
      )}
      {reviewing && (
        <Textarea
          label={t('aiRegistry.classification.reviewComments')}
          description={t('aiRegistry.classification.reviewCommentsHint')}
          autosize
          minRows={2}
          value={comments}
          onChange={(event) => setComments(event.currentTarget.value)}
        />
      )}
      {error !== null && <ErrorAlert error={error} onRetry={() => void list.refetch()} />}
      {actions.length > 0 && (
        <Group gap="xs">
          {actions.map((action) =>
            action === 'create' || action === 'edit' ? (
              <Button key={action} variant={action === 'create' ? 'filled' : 'light'} onClick={editor.open}>
                {t(`aiRegistry.classification.actions.${action}`)}
              </Button>
            ) : (
              <Button
                key={action}
                variant={action === 'request-changes' ? 'light' : 'filled'}
                loading={change.isPending && change.variables.kind === action}
                disabled={action === 'request-changes' && comments.trim() === ''}
                onClick={() => void step(action)}
              >
                {t(`aiRegistry.classification.actions.${action}`)}
              </Button>
            ),
          )}
        </Group>
      )}
      {items.length > 0 && <History items={items} />}
      <ClassificationEditorModal
        opened={editorOpen}
        questionnaire={questions.data}
        editing={actions.includes('edit') && latest ? latest : null}
        start={lastVerified}
        onSave={(next) => change.mutateAsync(next)}
        onClose={editor.close}
      />
    </Stack>
  );
}
