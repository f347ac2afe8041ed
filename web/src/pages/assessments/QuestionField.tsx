import {
  ActionIcon,
  Anchor,
  Box,
  FileButton,
  Group,
  Radio,
  Slider,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import type { Question } from '@server/modules/assessments/assessment-template';
import type { Attachment } from '@server/modules/files/files.schema';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidencePath, useRemoveEvidence, useUploadEvidence } from '../../api/assessments';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from './language';

interface QuestionFieldProps {
  assessmentId: string;
  number: string;
  question: Question;
  value: string | number | undefined;
  evidence: Attachment[];
  readOnly: boolean;
  onChange: (value: string | number | null) => void;
}

/** One question: its text and help, the answer control for its type, and its evidence files. */
export function QuestionField({
  assessmentId,
  number,
  question,
  value,
  evidence,
  readOnly,
  onChange,
}: QuestionFieldProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label = `${number} ${question.text[lang]}`;
  const help = question.help?.[lang];
  const [text, setText] = useState(typeof value === 'string' ? value : '');

  let control;
  switch (question.type) {
    case 'text':
      control = (
        <Textarea
          label={label}
          description={help}
          autosize
          minRows={2}
          readOnly={readOnly}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={() => text !== (value ?? '') && onChange(text)}
        />
      );
      break;
    case 'yes_no':
      control = (
        <Radio.Group
          label={label}
          description={help}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => !readOnly && onChange(v)}
        >
          <Group mt="xs">
            <Radio value="yes" label={t('common.yes')} disabled={readOnly} />
            <Radio value="no" label={t('common.no')} disabled={readOnly} />
          </Group>
        </Radio.Group>
      );
      break;
    case 'choice':
      control = (
        <ChoiceSelect
          label={label}
          description={help}
          clearable
          readOnly={readOnly}
          data={question.options.map((o) => ({ value: o.id, label: o.label[lang] }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
      break;
    case 'scale':
      control = (
        <Box>
          <Text size="sm" fw={500} id={`q-${question.id}`}>
            {label}
          </Text>
          {help && (
            <Text size="xs" c="dimmed">
              {help}
            </Text>
          )}
          <Slider
            mt="md"
            mb="lg"
            aria-labelledby={`q-${question.id}`}
            min={question.min}
            max={question.max}
            step={1}
            disabled={readOnly}
            value={typeof value === 'number' ? value : question.min}
            onChangeEnd={(v) => onChange(v)}
            marks={[
              { value: question.min, label: question.labels?.min[lang] ?? String(question.min) },
              { value: question.max, label: question.labels?.max[lang] ?? String(question.max) },
            ]}
          />
          {typeof value !== 'number' && (
            <Text size="xs" c="dimmed">
              {t('assessments.notAnswered')}
            </Text>
          )}
        </Box>
      );
      break;
  }

  return (
    <Stack gap="xs" data-question={question.id}>
      {control}
      <EvidenceList
        assessmentId={assessmentId}
        questionId={question.id}
        evidence={evidence}
        readOnly={readOnly}
        label={label}
      />
    </Stack>
  );
}

function EvidenceList({
  assessmentId,
  questionId,
  evidence,
  readOnly,
  label,
}: {
  assessmentId: string;
  questionId: string;
  evidence: Attachment[];
  readOnly: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(assessmentId);
  const remove = useRemoveEvidence(assessmentId);
  return (
    <Stack gap={4}>
      {evidence.map((file) => (
        <Group key={file.id} gap="xs">
          <IconPaperclip size={14} aria-hidden />
          <Anchor href={evidencePath(assessmentId, file.sha256)} size="sm" download={file.name}>
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {Math.ceil(file.size / 1024)} KB · {file.uploaded_by}
          </Text>
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={t('assessments.removeEvidence', { name: file.name })}
              onClick={() => remove.mutate(file.id)}
            >
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <FileButton onChange={(file) => file && upload.mutate({ questionId, file })}>
          {(props) => (
            <Anchor
              component="button"
              type="button"
              size="sm"
              {...props}
              aria-label={t('assessments.attachTo', { question: label })}
            >
              {upload.isPending ? t('common.loading') : t('assessments.attach')}
            </Anchor>
          )}
        </FileButton>
      )}
      {upload.error && <ErrorAlert error={upload.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
