import { Badge, Button, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { AI_ACT_ROLES } from '@server/modules/ai-registry/ai-act.ids';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiActQuestion } from '../../api/ai-act';
import { pendingSuggestion, type CheckAction, type CheckState } from './check-state';
import { MoreInfo } from './MoreInfo';
import { useBecauseText } from './texts';

interface QuestionCardProps {
  question: AiActQuestion;
  state: CheckState;
  dispatch: Dispatch<CheckAction>;
}

const YES = 'yes';
const NO = 'no';

function Help({ question }: { question: AiActQuestion }) {
  const { t } = useTranslation();
  return (
    <MoreInfo label={t('aiAct.questions.more')}>
      <Stack gap="xs">
        <Text size="sm">{question.help}</Text>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('aiAct.questions.example')}:
          </Text>{' '}
          {question.example}
        </Text>
      </Stack>
    </MoreInfo>
  );
}

function Heading({ question, suggested }: { question: AiActQuestion; suggested: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="outline" color="gray.8" radius="sm" tt="none">
        {question.article}
      </Badge>
      <Text fw={600}>{question.label}</Text>
      {suggested && (
        <Badge color="yellow.3" autoContrast tt="none">
          {t('aiAct.describe.suggested')}
        </Badge>
      )}
    </Group>
  );
}

function RoleQuestion({ question, state, dispatch }: QuestionCardProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Heading question={question} suggested={false} />
        <Radio.Group
          label={question.text}
          value={state.role}
          onChange={(value) => {
            const role = AI_ACT_ROLES.find((candidate) => candidate === value);
            if (role) dispatch({ type: 'role', role });
          }}
        >
          <Group mt="xs" gap="md">
            {(question.options ?? []).map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        <Help question={question} />
      </Stack>
    </Paper>
  );
}

/** One yes/no question; a suggestion shows as a pre-filled yes that counts only once confirmed. */
function YesNoQuestion({ question, state, dispatch }: QuestionCardProps) {
  const { t } = useTranslation();
  const because = useBecauseText();
  const { id } = question;
  const answer = state.answers[id];
  const suggestion = pendingSuggestion(state, id);
  const shown = answer === undefined ? (suggestion ? YES : null) : answer ? YES : NO;
  const answerWith = (value: boolean) => dispatch({ type: 'answer', id, value });
  return (
    <Paper
      withBorder
      p="md"
      bg={suggestion ? 'yellow.0' : undefined}
      style={suggestion ? { borderColor: 'var(--mantine-color-yellow-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Heading question={question} suggested={suggestion !== undefined} />
        <Radio.Group label={question.text} value={shown} onChange={(value) => answerWith(value === YES)}>
          <Group mt="xs" gap="lg">
            {/* A click on the pre-filled yes confirms it: the group reports no change for it. */}
            <Radio
              value={YES}
              label={t('aiAct.questions.yes')}
              onClick={() => suggestion && answerWith(true)}
            />
            <Radio value={NO} label={t('aiAct.questions.no')} />
          </Group>
        </Radio.Group>
        {answer !== undefined && (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            aria-label={t('aiAct.questions.clearNamed', { name: question.label })}
            onClick={() => dispatch({ type: 'clear', id })}
          >
            {t('aiAct.questions.clear')}
          </Button>
        )}
        {suggestion && (
          <Stack gap={4}>
            <Text size="sm">{because(suggestion.because)}</Text>
            <Text size="sm" c="dimmed">
              {t('aiAct.questions.pendingHint')}
            </Text>
            <Group gap="sm">
              <Checkbox
                label={t('aiAct.describe.confirm', { name: question.label })}
                checked={false}
                onChange={() => answerWith(true)}
              />
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                aria-label={t('aiAct.describe.dismissNamed', { name: question.label })}
                onClick={() => dispatch({ type: 'dismiss', id })}
              >
                {t('aiAct.describe.dismiss')}
              </Button>
            </Group>
          </Stack>
        )}
        <Help question={question} />
      </Stack>
    </Paper>
  );
}

export function QuestionCard(props: QuestionCardProps) {
  return props.question.kind === 'choice' ? <RoleQuestion {...props} /> : <YesNoQuestion {...props} />;
}
