import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiActClassification, type AiActQuestion, type AiActQuestions } from '../../api/ai-act';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { classifyInput, pendingCount, type CheckState } from './check-state';
import { ResultActions } from './ResultActions';
import { ResultDetails, TierSummary } from './ResultDetails';
import { useCodeTexts } from './texts';

interface ResultPanelProps {
  questionnaire: AiActQuestions;
  questionsById: ReadonlyMap<string, AiActQuestion>;
  state: CheckState;
}

/** Quiet time after the last answer before the server classifies again. */
const DEBOUNCE_MS = 300;

/** The classification of the current answers, asked again a moment after each change. */
export function ResultPanel({ questionnaire, questionsById, state }: ResultPanelProps) {
  const { t } = useTranslation();
  const codes = useCodeTexts();
  const { role, answers } = state;
  const { questions } = questionnaire;
  const input = useMemo(() => classifyInput({ role, answers }, questions), [role, answers, questions]);
  const [debounced] = useDebouncedValue(input, DEBOUNCE_MS);
  const result = useAiActClassification(debounced);
  const classification = result.data;
  const updating = input !== null && (result.isFetching || debounced !== input);
  const pending = pendingCount(state);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ai-act-result">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="ai-act-result">
            {t('aiAct.result.title')}
          </Title>
          {updating && classification && <Loader size="xs" aria-label={t('aiAct.result.updating')} />}
        </Group>
        {input === null ? (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{t('aiAct.result.chooseRole')}</Text>
          </Alert>
        ) : result.isError ? (
          <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
        ) : !classification ? (
          <Loading />
        ) : (
          <>
            <TierSummary classification={classification} />
            {pending > 0 && (
              <Text size="sm" fw={600}>
                {t('aiAct.result.pending', { count: pending })}
              </Text>
            )}
            <ResultActions input={input} classification={classification} />
            <ResultDetails classification={classification} questionsById={questionsById} />
          </>
        )}
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="sm">
            {codes.note(
              classification?.note_code ?? questionnaire.note_code,
              classification?.note ?? questionnaire.note,
            )}
          </Text>
        </Alert>
      </Stack>
    </Paper>
  );
}
