import {
  ActionIcon,
  Anchor,
  Button,
  Code,
  CopyButton,
  FileButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconTrash, IconUpload } from '@tabler/icons-react';
import {
  AI_DOCUMENT_KINDS,
  type AiDocument,
  type AiDocumentKind,
} from '@server/modules/ai-registry/ai-documents.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  aiDocumentPath,
  useAiDocuments,
  useAttachAiDocument,
  useDetachAiDocument,
} from '../../api/ai-systems';
import { useCan } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';

/** A file's size for people: bytes below a kilobyte, then KB and MB. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Sha256({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={value} withArrow>
        <Code>{value.slice(0, 12)}…</Code>
      </Tooltip>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <ActionIcon
            variant="subtle"
            size="sm"
            color={copied ? 'teal' : 'gray'}
            aria-label={copied ? t('secret.copied') : t('aiRegistry.documents.copyHash')}
            onClick={copy}
          >
            {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}

/** An AI system's documents: model card, vendor terms, evaluations and others, with their SHA-256. */
export function DocumentsPanel({ systemId }: { systemId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const documents = useAiDocuments(systemId);
  const attach = useAttachAiDocument(systemId);
  const detach = useDetachAiDocument(systemId);
  const [kind, setKind] = useState<AiDocumentKind>('model_card');

  if (documents.isPending) return <Loading />;
  if (documents.isError)
    return <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />;
  const rows: AiDocument[] = documents.data;

  return (
    <Stack gap="sm">
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('aiRegistry.documents.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aiRegistry.documents.name')}</Table.Th>
                <Table.Th>{t('aiRegistry.documents.kind')}</Table.Th>
                <Table.Th>{t('aiRegistry.documents.size')}</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>{t('aiRegistry.documents.uploaded')}</Table.Th>
                {can('ai.write') && <Table.Th aria-label={t('aiRegistry.documents.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>
                    <Anchor href={aiDocumentPath(systemId, doc.sha256)} download={doc.name} size="sm">
                      {doc.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`aiRegistry.documents.kinds.${doc.kind}`)}</Table.Td>
                  <Table.Td>{formatSize(doc.size)}</Table.Td>
                  <Table.Td>
                    <Sha256 value={doc.sha256} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{doc.uploaded_by}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(doc.uploaded_at, i18n.language)}
                    </Text>
                  </Table.Td>
                  {can('ai.write') && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('aiRegistry.documents.remove', { name: doc.name })}
                        loading={detach.isPending && detach.variables === doc.id}
                        onClick={() => detach.mutate(doc.id)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {can('ai.write') && (
        <Group align="end" gap="sm">
          <Select
            label={t('aiRegistry.documents.kind')}
            data={AI_DOCUMENT_KINDS.map((value) => ({
              value,
              label: t(`aiRegistry.documents.kinds.${value}`),
            }))}
            value={kind}
            onChange={(value) => value && setKind(value as AiDocumentKind)}
            allowDeselect={false}
            w={220}
          />
          <FileButton onChange={(file) => file && attach.mutate({ kind, file })}>
            {(props) => (
              <Button
                {...props}
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={attach.isPending}
              >
                {t('aiRegistry.documents.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('aiRegistry.documents.help')}
      </Text>
      {attach.error && <ErrorAlert error={attach.error} />}
      {detach.error && <ErrorAlert error={detach.error} />}
    </Stack>
  );
}
