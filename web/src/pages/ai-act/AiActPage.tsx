import { Box, Grid, Stack, Text } from '@mantine/core';
import { useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiActQuestions } from '../../api/ai-act';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { applicableQuestionIds } from './branching';
import { checkReducer, EMPTY_CHECK } from './check-state';
import { DescribeStep } from './DescribeStep';
import { QuestionnaireStep } from './QuestionnaireStep';
import { ResultPanel } from './ResultPanel';

/**
 * The EU AI Act check: an optional description that suggests answers, the questions that apply, and
 * the classification of the answers so far. Answers are kept by question id, so they survive a change
 * of language; nothing is stored on the server.
 */
export function AiActPage() {
  const { t } = useTranslation();
  const questions = useAiActQuestions(currentLanguage());
  const [state, dispatch] = useReducer(checkReducer, EMPTY_CHECK);
  const questionnaire = questions.data;
  const questionsById = useMemo(
    () => new Map((questionnaire?.questions ?? []).map((question) => [question.id, question])),
    [questionnaire],
  );
  const applicable = useMemo(
    () => applicableQuestionIds(questionnaire?.questions ?? [], state.answers),
    [questionnaire, state.answers],
  );

  return (
    <>
      <PageHeader title={t('aiAct.title')} />
      <Text mb="md" maw={900}>
        {t('aiAct.intro')}
      </Text>
      {questions.isError ? (
        <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />
      ) : !questionnaire ? (
        <Loading />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack>
              <DescribeStep
                state={state}
                dispatch={dispatch}
                questionsById={questionsById}
                applicable={applicable}
              />
              <QuestionnaireStep
                questionnaire={questionnaire}
                applicable={applicable}
                state={state}
                dispatch={dispatch}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {/* Beside the questions on wide screens, the result stays in view while the page scrolls. */}
            <Box
              pos={{ base: 'static', lg: 'sticky' }}
              top={72}
              mah={{ lg: 'calc(100dvh - 88px)' }}
              style={{ overflowY: 'auto' }}
            >
              <ResultPanel questionnaire={questionnaire} questionsById={questionsById} state={state} />
            </Box>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
