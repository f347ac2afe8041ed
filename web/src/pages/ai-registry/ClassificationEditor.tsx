import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { AiClassification } from '@server/modules/ai-registry/ai-system.schema';
import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiActQuestions } from '../../api/ai-act';
import type { ClassificationChange } from '../../api/ai-systems';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applicableQuestionIds } from '../ai-act/branching';
import { checkReducer, classifyInput, EMPTY_CHECK } from '../ai-act/check-state';
import { QuestionnaireStep } from '../ai-act/QuestionnaireStep';

interface ClassificationEditorProps {
  questionnaire: AiActQuestions;
  /** The draft to change; a new draft (from the latest verified answers, if any) otherwise. */
  editing: AiClassification | null;
  /** Answers a new draft starts from. */
  start: AiClassification | undefined;
  onSave: (change: ClassificationChange) => Promise<unknown>;
  onClose: () => void;
}

/** The EU AI Act questions of the check page, answered for one system and saved as a draft. */
function ClassificationEditor({ questionnaire, editing, start, onSave, onClose }: ClassificationEditorProps) {
  const { t } = useTranslation();
  const from = editing ?? start;
  const [state, dispatch] = useReducer(checkReducer, {
    ...EMPTY_CHECK,
    role: from?.role ?? null,
    answers: from?.answers ?? {},
  });
  const [justification, setJustification] = useState(from?.derogation_justification ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const applicable = useMemo(
    () => applicableQuestionIds(questionnaire.questions, state.answers),
    [questionnaire, state.answers],
  );
  const input = classifyInput(state, questionnaire.questions);

  const save = async () => {
    if (input === null) return;
    const draft = { ...input, derogation_justification: justification.trim() || null };
    setBusy(true);
    setError(null);
    try {
      await onSave(
        editing
          ? { kind: 'update', number: editing.number, input: { ...draft, version: editing.version } }
          : { kind: 'create', input: draft },
      );
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <QuestionnaireStep
        questionnaire={questionnaire}
        applicable={applicable}
        state={state}
        dispatch={dispatch}
      />
      <Textarea
        label={t('aiRegistry.classification.justification')}
        description={t('aiRegistry.classification.justificationHint')}
        autosize
        minRows={2}
        value={justification}
        onChange={(event) => setJustification(event.currentTarget.value)}
      />
      {error !== null && <ErrorAlert error={error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={input === null}>
          {t('aiRegistry.classification.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClassificationEditorModal(props: ClassificationEditorProps & { opened: boolean }) {
  const { t } = useTranslation();
  const { opened, ...rest } = props;
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      size="xl"
      title={
        props.editing
          ? t('aiRegistry.classification.editTitle', { number: props.editing.number })
          : t('aiRegistry.classification.createTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ClassificationEditor {...rest} />
    </Modal>
  );
}
