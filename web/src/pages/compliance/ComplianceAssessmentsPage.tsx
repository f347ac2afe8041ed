import {
  Anchor,
  Badge,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  assessmentCreateSchema,
  type Assessment,
  type AssessmentListItem,
} from '@server/modules/compliance/compliance.schema';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { Link, useNavigate } from 'react-router';
import { useAssessmentPages, useCreateAssessment } from '../../api/compliance';
import { useFrameworks } from '../../api/frameworks';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { CreateButton } from '../../components/CreateButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormBody, FormModal } from '../../components/form/FormModal';
import { useFormState } from '../../components/form/use-form-state';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../components/notify';
import { OfficeSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { PersonSelect } from '../../components/PersonSelect';

/** Compliance assessments in the reader's scope, newest first, with how far each has come, and a form to start one. */
export function ComplianceAssessmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        actions={can('compliance.write') && <CreateButton label={t('compliance.new')} onClick={open} />}
      />
      <Text maw={900} mb="md">
        {t('compliance.intro')}
      </Text>
      <AssessmentsTable />
      <FormModal opened={opened} onClose={close} title={t('compliance.new')}>
        <CreateForm onClose={close} />
      </FormModal>
    </>
  );
}

/** The assessments, page by page. */
function AssessmentsTable() {
  const { t } = useTranslation();
  const assessments = useAssessmentPages();
  if (assessments.isPending) return <Loading />;
  if (assessments.isError)
    return <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />;
  const items = assessments.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text c="dimmed">{t('compliance.none')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table
          aria-label={t('compliance.tableLabel')}
          highlightOnHover
          verticalSpacing="sm"
          aria-busy={assessments.isFetching}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('compliance.assessment')}</Table.Th>
              <Table.Th scope="col">{t('compliance.framework')}</Table.Th>
              <Table.Th scope="col">{t('compliance.scope')}</Table.Th>
              <Table.Th scope="col">{t('compliance.owner')}</Table.Th>
              <Table.Th scope="col">{t('fields.status')}</Table.Th>
              <Table.Th scope="col">{t('compliance.progress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((assessment) => (
              <AssessmentRow key={assessment.id} assessment={assessment} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={assessments.hasNextPage}
        loading={assessments.isFetchingNextPage}
        onLoad={() => void assessments.fetchNextPage()}
      />
    </>
  );
}

function AssessmentRow({ assessment }: { assessment: AssessmentListItem }) {
  const { t, i18n } = useTranslation();
  const { progress } = assessment;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw="normal">
        <Anchor component={Link} to={`/compliance/${assessment.id}`} fw={600}>
          {assessment.title}
        </Anchor>
      </Table.Th>
      <Table.Td lang="en">{assessment.framework_title}</Table.Td>
      <Table.Td>{assessment.office_name ?? t('compliance.wholeOrganisation')}</Table.Td>
      <Table.Td>{assessment.owner_name ?? '—'}</Table.Td>
      <Table.Td>
        <AssessmentStatusBadge status={assessment.status} />
      </Table.Td>
      <Table.Td miw={220}>
        <Stack gap={4}>
          <Progress
            value={progress.assessed_percent}
            aria-label={t('compliance.assessedPercent', {
              percent: formatPercent(progress.assessed_percent, i18n.language),
            })}
          />
          <Text size="xs" c="dimmed">
            {t('compliance.progressLine', {
              assessed: progress.total - progress.unassessed,
              total: progress.total,
              score: progress.score === null ? '—' : formatPercent(progress.score, i18n.language),
            })}
          </Text>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function AssessmentStatusBadge({ status }: { status: Assessment['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'completed' ? 'teal' : 'blue'}>
      {t(`compliance.assessmentStatus.${status}`)}
    </Badge>
  );
}

type Scope = 'organisation' | 'office';

function CreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const create = useCreateAssessment();
  const form = useFormState(() => ({
    framework_id: null as string | null,
    scope: 'office' as Scope,
    office_id: null as string | null,
    title: '',
    owner_id: null as string | null,
  }));
  const submit = () => {
    const { scope, office_id, ...values } = form.values;
    if (scope === 'office' && !office_id) return form.setError('office_id', t('compliance.chooseOffice'));
    const input = form.check(assessmentCreateSchema, {
      ...values,
      office_id: scope === 'office' ? office_id : null,
    });
    if (input)
      create.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t('notify.created', { name: created.title }));
          onClose();
          void navigate(`/compliance/${created.id}`);
        },
        onError: form.fail,
      });
  };
  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending}
      submitLabel={t('common.create')}
      error={form.general}
    >
      <ChoiceSelect
        label={t('compliance.framework')}
        required
        searchable
        data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: f.short_title }))}
        {...form.field('framework_id')}
      />
      <TextInput label={t('compliance.assessmentTitle')} required data-autofocus {...form.text('title')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="compliance-scope">
          {t('compliance.scope')}
        </Text>
        <Group>
          <SegmentedControl
            aria-labelledby="compliance-scope"
            value={form.values.scope}
            onChange={(value) => form.set('scope', value as Scope)}
            data={[
              { value: 'office', label: t('compliance.oneOffice') },
              { value: 'organisation', label: t('compliance.wholeOrganisation') },
            ]}
          />
        </Group>
      </Stack>
      {form.values.scope === 'office' && (
        <OfficeSelect label={t('fields.office_id')} required {...form.field('office_id')} />
      )}
      <PersonSelect label={t('compliance.owner')} clearable {...form.field('owner_id')} />
    </FormBody>
  );
}
