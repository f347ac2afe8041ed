import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Suggestion } from '@server/modules/ai-registry/ai-act.schema';
import { IconBulb, IconInfoCircle } from '@tabler/icons-react';
import { useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggestAnswers, type AiActQuestion } from '../../api/ai-act';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CheckAction, CheckState } from './check-state';
import { useBecauseText, useCodeTexts } from './texts';

interface DescribeStepProps {
  state: CheckState;
  dispatch: Dispatch<CheckAction>;
  questionsById: ReadonlyMap<string, AiActQuestion>;
  applicable: ReadonlySet<string>;
}

function StatusBadge({ answer }: { answer: boolean | undefined }) {
  const { t } = useTranslation();
  if (answer === true)
    return (
      <Badge color="green.3" autoContrast tt="none">
        {t('aiAct.describe.confirmed')}
      </Badge>
    );
  if (answer === false)
    return (
      <Badge color="gray.3" autoContrast tt="none">
        {t('aiAct.describe.answeredNo')}
      </Badge>
    );
  return (
    <Badge color="yellow.3" autoContrast tt="none">
      {t('aiAct.describe.suggested')}
    </Badge>
  );
}

interface SuggestionItemProps extends Omit<DescribeStepProps, 'questionsById'> {
  suggestion: Suggestion;
  question: AiActQuestion | undefined;
}

/** A suggested yes: ticking the box makes it an answer, unticking it makes it a suggestion again. */
function SuggestionItem({ suggestion, question, state, dispatch, applicable }: SuggestionItemProps) {
  const { t } = useTranslation();
  const because = useBecauseText();
  const id = suggestion.question_id;
  const name = question?.label ?? id;
  const answer = state.answers[id];
  return (
    <Paper component="li" withBorder p="sm" bg={answer === undefined ? 'yellow.0' : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <StatusBadge answer={answer} />
          {question && (
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {question.article}
            </Badge>
          )}
        </Group>
        <Checkbox
          label={t('aiAct.describe.confirm', { name })}
          description={because(suggestion.because)}
          checked={answer === true}
          onChange={(event) =>
            dispatch(
              event.currentTarget.checked ? { type: 'answer', id, value: true } : { type: 'clear', id },
            )
          }
        />
        {!applicable.has(id) && (
          <Text size="sm" c="dimmed">
            {t('aiAct.describe.notApplicable')}
          </Text>
        )}
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          aria-label={t('aiAct.describe.dismissNamed', { name })}
          onClick={() => dispatch({ type: 'dismiss', id })}
        >
          {t('aiAct.describe.dismiss')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Step 1: an optional description, from which the server suggests answers for the person to confirm. */
export function DescribeStep({ state, dispatch, questionsById, applicable }: DescribeStepProps) {
  const { t } = useTranslation();
  const codes = useCodeTexts();
  const suggest = useSuggestAnswers();
  const [description, setDescription] = useState('');

  const submit = () => {
    // No `lang`: the server then matches keywords of all three languages, whatever the page shows.
    suggest.mutate(
      { description },
      { onSuccess: (result) => dispatch({ type: 'suggested', suggestions: result.suggestions }) },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ai-act-describe">
      <Stack>
        <Title order={2} size="h3" id="ai-act-describe">
          {t('aiAct.describe.title')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('aiAct.describe.label')}
              description={t('aiAct.describe.hint')}
              placeholder={t('aiAct.describe.placeholder')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={20_000}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
            />
            <Button
              type="submit"
              variant="default"
              leftSection={<IconBulb size={16} aria-hidden />}
              disabled={description.trim() === ''}
              loading={suggest.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('aiAct.describe.suggest')}
            </Button>
          </Stack>
        </form>
        {suggest.isError && <ErrorAlert error={suggest.error} />}
        {suggest.data && (
          <Stack gap="sm">
            <Alert color="blue" icon={<IconInfoCircle aria-hidden />} p="xs" role="status">
              <Text size="sm">{codes.notice(suggest.data.notice_code, suggest.data.notice)}</Text>
            </Alert>
            {state.suggestions.length === 0 ? (
              <Text size="sm">{t('aiAct.describe.none')}</Text>
            ) : (
              <Stack
                component="ul"
                gap="xs"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-label={t('aiAct.describe.listLabel')}
              >
                {state.suggestions.map((suggestion) => (
                  <SuggestionItem
                    key={suggestion.question_id}
                    suggestion={suggestion}
                    question={questionsById.get(suggestion.question_id)}
                    state={state}
                    dispatch={dispatch}
                    applicable={applicable}
                  />
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
