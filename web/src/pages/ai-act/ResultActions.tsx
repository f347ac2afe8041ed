import { Button, Group, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import type { Classification, ClassifyInput } from '@server/modules/ai-registry/ai-act.schema';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../api/download';

const ANSWERS_FILE = 'ai-act-answers.json';

const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Copy the result as the API gives it, or save the answers in the shape the CLI reads back. */
export function ResultActions({
  input,
  classification,
}: {
  input: ClassifyInput;
  classification: Classification;
}) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={
            clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
          }
          onClick={() => clipboard.copy(asJson(classification))}
        >
          {clipboard.copied ? t('aiAct.result.copied') : t('aiAct.result.copy')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => saveBlob(new Blob([asJson(input)], { type: 'application/json' }), ANSWERS_FILE)}
        >
          {t('aiAct.result.download')}
        </Button>
      </Group>
      {clipboard.error && (
        <Text size="sm" c="red.8" role="alert">
          {t('aiAct.result.copyFailed')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('aiAct.result.downloadHint')}
      </Text>
    </Stack>
  );
}
