import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { Page } from '../../api/client';
import type { AiSystem } from '@server/modules/ai-registry/ai-system.schema';
import type { SubjectKind } from '@server/modules/assessments/assessments.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAssessmentTemplates, useStartAssessment } from '../../api/assessments';
import { fetchAsset, searchAssets } from '../../api/assets';
import { api } from '../../api/client';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OfficeSelect } from '../../components/OrgSelects';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useLanguage } from './language';

const aiSystemOption = (system: AiSystem) => ({ value: system.id, label: system.name });

/** Start an assessment: a template, a title, and what is assessed (an asset, an AI system, or words). */
export function StartAssessmentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const templates = useAssessmentTemplates();
  const start = useStartAssessment();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SubjectKind>('text');
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [subjectText, setSubjectText] = useState('');
  const [officeId, setOfficeId] = useState<string | null>(null);

  const submit = async () => {
    const created = await start.mutateAsync({
      template_id: templateId ?? '',
      title,
      subject_kind: kind,
      ...(kind === 'text' ? { subject_text: subjectText } : { subject_id: subjectId ?? '' }),
      ...(officeId ? { office_id: officeId } : {}),
    });
    onClose();
    void navigate(`/assessments/${created.id}`);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.start')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        <Stack>
          <ChoiceSelect
            label={t('assessments.template')}
            required
            data={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.title[lang] }))}
            value={templateId}
            onChange={setTemplateId}
          />
          <TextInput
            label={t('assessments.titleField')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <SegmentedControl
            aria-label={t('assessments.subjectKind')}
            value={kind}
            onChange={(value) => {
              setKind(value as SubjectKind);
              setSubjectId(null);
            }}
            data={[
              { value: 'text', label: t('assessments.subjectKinds.text') },
              { value: 'asset', label: t('assessments.subjectKinds.asset') },
              { value: 'ai_system', label: t('assessments.subjectKinds.ai_system') },
            ]}
          />
          {kind === 'text' && (
            <TextInput
              label={t('assessments.subject')}
              required
              value={subjectText}
              onChange={(e) => setSubjectText(e.currentTarget.value)}
            />
          )}
          {kind === 'asset' && (
            <RemoteSelect
              label={t('assessments.subjectKinds.asset')}
              required
              queryKey={['assets', 'assessment-subject']}
              value={subjectId}
              onChange={setSubjectId}
              search={async (q) =>
                (await searchAssets({ q, sort: 'name' })).map((a) => ({ value: a.id, label: a.name }))
              }
              lookup={async (id) => {
                const asset = await fetchAsset(id);
                return { value: asset.id, label: asset.name };
              }}
            />
          )}
          {kind === 'ai_system' && (
            <RemoteSelect
              label={t('assessments.subjectKinds.ai_system')}
              required
              queryKey={['ai-systems', 'assessment-subject']}
              value={subjectId}
              onChange={setSubjectId}
              search={async (q) =>
                (await api.get<Page<AiSystem>>('/api/ai-systems', { q, limit: 20 })).items.map(aiSystemOption)
              }
              lookup={async (id) =>
                aiSystemOption(await api.get<AiSystem>(`/api/ai-systems/${encodeURIComponent(id)}`))
              }
            />
          )}
          <OfficeSelect
            label={t('fields.office_id')}
            description={kind === 'text' ? undefined : t('assessments.officeDefault')}
            required={kind === 'text'}
            clearable
            value={officeId}
            onChange={setOfficeId}
          />
          {start.error && <ErrorAlert error={start.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending}>
              {t('assessments.startButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
