import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiActQuestions } from '../../api/ai-act';
import type { CheckAction, CheckState } from './check-state';
import { QuestionCard } from './QuestionCard';

interface QuestionnaireStepProps {
  questionnaire: AiActQuestions;
  applicable: ReadonlySet<string>;
  state: CheckState;
  dispatch: Dispatch<CheckAction>;
}

/** Step 2: the questions that apply, section by section, in the questionnaire's order. */
export function QuestionnaireStep({ questionnaire, applicable, state, dispatch }: QuestionnaireStepProps) {
  const { t } = useTranslation();
  const shown = questionnaire.questions.filter((question) => applicable.has(question.id));
  const yesNo = shown.filter((question) => question.kind === 'boolean');
  const answered = yesNo.filter((question) => state.answers[question.id] !== undefined).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ai-act-questions">
      <Stack>
        <div>
          <Title order={2} size="h3" id="ai-act-questions">
            {t('aiAct.questions.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('aiAct.questions.intro')}
          </Text>
          <Text size="sm" mt={4}>
            {t('aiAct.questions.progress', { answered, count: yesNo.length })}
          </Text>
        </div>
        {questionnaire.sections.map((section) => {
          const questions = shown.filter((question) => question.section === section.id);
          if (questions.length === 0) return null;
          const headingId = `ai-act-section-${section.id}`;
          return (
            <Stack key={section.id} gap="sm" component="section" aria-labelledby={headingId}>
              <Title order={3} size="h4" id={headingId}>
                {section.title}
              </Title>
              {questions.map((question) => (
                <QuestionCard key={question.id} question={question} state={state} dispatch={dispatch} />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
