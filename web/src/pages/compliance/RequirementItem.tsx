import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Collapse,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  REQUIREMENT_STATUSES,
  requirementUpdateSchema,
  type AssessedRequirement,
  type EvidenceLink,
  type RequirementStatus,
} from '@server/modules/compliance/compliance.schema';
import type { ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconChevronDown, IconChevronRight, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  requirementEvidencePath,
  useSetRequirement,
  useUploadRequirementEvidence,
} from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExternalLink } from '../../components/ExternalLink';
import { useFormState } from '../../components/form/use-form-state';
import { formatDateTime } from '../../i18n/format';
import { STATUS_COLOURS } from './assessment-view';
import { RequirementRisks } from './RequirementRisks';

interface RequirementItemProps {
  assessmentId: string;
  requirement: AssessedRequirement;
  /** False when the reader may not write or the assessment is completed. */
  editable: boolean;
  /** The assessment's office (null: the whole organisation): its risks are offered first. */
  office: { id: string; name: string } | null;
  themeLabel: (id: ThemeId) => string;
  onReload: () => void;
}

interface UrlRow {
  url: string;
  title: string;
}

type FileLink = Extract<EvidenceLink, { kind: 'file' }>;

const toValues = (r: AssessedRequirement) => ({
  status: r.status,
  not_applicable_reason: r.not_applicable_reason ?? '',
  notes: r.notes ?? '',
  links: r.evidence.flatMap((e): UrlRow[] => (e.kind === 'url' ? [{ url: e.url, title: e.title }] : [])),
  files: r.evidence.filter((e): e is FileLink => e.kind === 'file'),
  risk_ids: r.risk_ids,
});

/**
 * One requirement: its status as a segmented control (saved at once, except "not applicable", which
 * asks for a reason first), and its details (reason, notes, evidence links, risks) saved together.
 */
export function RequirementItem({
  assessmentId,
  requirement,
  editable,
  office,
  themeLabel,
  onReload,
}: RequirementItemProps) {
  const { t, i18n } = useTranslation();
  const set = useSetRequirement(assessmentId);
  const upload = useUploadRequirementEvidence(assessmentId);
  const [open, setOpen] = useState(false);
  const form = useFormState(() => toValues(requirement));
  // Start again from the stored values whenever they change (a save here, a reload after a conflict,
  // an upload, which adds a file even to a requirement not assessed yet).
  const stamp = [
    requirement.version,
    ...requirement.evidence.map((e) => (e.kind === 'file' ? e.sha256 : '')),
  ].join('|');
  const [shownStamp, setShownStamp] = useState(stamp);
  if (shownStamp !== stamp) {
    setShownStamp(stamp);
    form.reset(toValues(requirement));
  }
  const detailsId = `requirement-${requirement.requirement_id}`;
  // Files are uploaded at once (and join the evidence); the form edits the web links and removes files.
  const fileHref = (file: FileLink) =>
    requirementEvidencePath(assessmentId, requirement.requirement_id, file.sha256);

  const save = (values: ReturnType<typeof toValues>) => {
    const input = form.check(
      requirementUpdateSchema,
      {
        status: values.status ?? undefined,
        not_applicable_reason:
          values.status === 'not_applicable' ? values.not_applicable_reason || null : null,
        notes: values.notes || null,
        evidence: [
          ...values.links.map((link): EvidenceLink => ({
            kind: 'url',
            url: link.url.trim(),
            title: link.title.trim() || link.url.trim(),
          })),
          ...values.files,
        ],
        risk_ids: values.risk_ids,
        version: requirement.version,
      },
      { evidence: t('compliance.linkHint') },
    );
    if (input) set.mutate({ requirementId: requirement.requirement_id, input }, { onError: form.fail });
  };

  const chooseStatus = (status: RequirementStatus) => {
    form.set('status', status);
    if (status === 'not_applicable' && !form.values.not_applicable_reason) {
      setOpen(true);
      form.setError('not_applicable_reason', t('compliance.reasonNeeded'));
      return;
    }
    save({ ...form.values, status });
  };

  const setLink = (index: number, change: Partial<UrlRow>) =>
    form.set(
      'links',
      form.values.links.map((link, i) => (i === index ? { ...link, ...change } : link)),
    );

  return (
    <Paper withBorder p="sm" component="article" aria-label={`${requirement.reference} ${requirement.title}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: 1, minWidth: 260 }}>
          <ActionIcon
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('compliance.details', { name: requirement.reference })}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
          <Stack gap={2}>
            <Text fw={600} lang="en">
              {requirement.reference} — {requirement.title}
            </Text>
            <Group gap={4}>
              {requirement.themes.map((theme) => (
                <Badge key={theme} size="xs" variant="outline" color="gray">
                  {themeLabel(theme)}
                </Badge>
              ))}
              {requirement.evidence.length > 0 && (
                <Badge size="xs" variant="light">
                  {t('compliance.evidenceCount', { count: requirement.evidence.length })}
                </Badge>
              )}
              {requirement.risk_ids.length > 0 && (
                <Badge size="xs" variant="light" color="orange">
                  {t('compliance.riskCount', { count: requirement.risk_ids.length })}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        <SegmentedControl
          size="xs"
          disabled={!editable || set.isPending}
          aria-label={t('compliance.statusOf', { name: requirement.reference })}
          value={form.values.status ?? ''}
          color={form.values.status ? STATUS_COLOURS[form.values.status] : undefined}
          onChange={(value) => chooseStatus(value as RequirementStatus)}
          data={REQUIREMENT_STATUSES.map((status) => ({
            value: status,
            label: t(`compliance.status.${status}`),
          }))}
        />
      </Group>
      {form.general !== null && <ErrorAlert error={form.general} onRetry={onReload} />}
      <Collapse expanded={open}>
        <Stack id={detailsId} gap="sm" mt="sm" pl={36}>
          {requirement.summary && (
            <Text size="sm" c="dimmed" lang="en">
              {requirement.summary}
            </Text>
          )}
          {requirement.status === null && form.values.status === null ? (
            <Text size="sm" c="dimmed">
              {t('compliance.unassessedHint')}
            </Text>
          ) : (
            requirement.assessed_by && (
              <Text size="xs" c="dimmed">
                {t('compliance.assessedBy', {
                  who: requirement.assessed_by,
                  at: formatDateTime(requirement.assessed_at ?? '', i18n.language),
                })}
              </Text>
            )
          )}
          {form.values.status === 'not_applicable' && (
            <Textarea
              label={t('compliance.reason')}
              required
              autosize
              minRows={2}
              readOnly={!editable}
              {...form.text('not_applicable_reason')}
            />
          )}
          <Textarea
            label={t('compliance.notes')}
            autosize
            minRows={2}
            readOnly={!editable}
            {...form.text('notes')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('compliance.evidence')}
            </Text>
            {!editable &&
              requirement.evidence.map((e) =>
                e.kind === 'url' ? (
                  <ExternalLink key={e.url} href={e.url}>
                    {e.title}
                  </ExternalLink>
                ) : null,
              )}
            {form.values.files.map((file) => (
              <Group key={file.sha256} gap="xs" wrap="nowrap">
                <Anchor href={fileHref(file)} size="sm" download={file.name}>
                  {file.name}
                </Anchor>
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('compliance.removeLink', { name: file.name })}
                    onClick={() =>
                      form.set(
                        'files',
                        form.values.files.filter((f) => f.sha256 !== file.sha256),
                      )
                    }
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {editable &&
              form.values.links.map((link, index) => (
                <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('compliance.linkUrl')}
                    placeholder="https://"
                    style={{ flex: 2 }}
                    value={link.url}
                    onChange={(event) => setLink(index, { url: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('compliance.linkTitle')}
                    style={{ flex: 2 }}
                    value={link.title}
                    onChange={(event) => setLink(index, { title: event.currentTarget.value })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('compliance.removeLink', { name: link.title || link.url })}
                    onClick={() =>
                      form.set(
                        'links',
                        form.values.links.filter((_, i) => i !== index),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            {form.errors.evidence && (
              <Text size="xs" c="red" role="alert">
                {form.errors.evidence}
              </Text>
            )}
            {editable && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.set('links', [...form.values.links, { url: '', title: '' }])}
                >
                  {t('compliance.addLink')}
                </Button>
                <FileButton
                  onChange={(file) =>
                    file && upload.mutate({ requirementId: requirement.requirement_id, file })
                  }
                >
                  {(props) => (
                    <Button
                      {...props}
                      size="xs"
                      variant="default"
                      loading={upload.isPending}
                      leftSection={<IconUpload size={14} aria-hidden />}
                    >
                      {t('compliance.uploadFile')}
                    </Button>
                  )}
                </FileButton>
              </Group>
            )}
            {upload.error && <ErrorAlert error={upload.error} />}
          </Stack>
          {open && (
            <RequirementRisks
              riskIds={form.values.risk_ids}
              editable={editable}
              office={office}
              error={form.errors.risk_ids}
              onChange={(value) => form.set('risk_ids', value)}
            />
          )}
          {editable && (
            <Group>
              <Button
                size="xs"
                loading={set.isPending}
                disabled={!form.values.status}
                onClick={() => save(form.values)}
              >
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}
