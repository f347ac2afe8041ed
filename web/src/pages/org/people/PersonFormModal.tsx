import { Checkbox, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  GOVERNANCE_ROLES,
  personCreateSchema,
  personUpdateSchema,
  type GovernanceRole,
  type Person,
} from '@server/modules/org/org.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDepartments } from '../../../api/departments';
import { useOfficeOptions } from '../../../api/offices';
import { useCreatePerson, useUpdatePerson } from '../../../api/people';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { changedValues } from '../../../components/form/changed-values';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { useFormState } from '../../../components/form/use-form-state';
import { orNull } from '../../../components/form/validation';
import { notifySuccess } from '../../../components/notify';

interface PersonFormProps {
  /** The person to edit; a new person when absent. */
  person?: Person;
  /** A new person starts in this office (from an office's page). */
  officeId?: string;
  onClose: () => void;
  onReload?: () => Promise<Person | undefined>;
}

interface PersonValues {
  full_name: string;
  email: string;
  office_id: string | null;
  department_id: string | null;
  job_title: string;
  governance_roles: GovernanceRole[];
  active: boolean;
}

const toValues = (person?: Person, officeId?: string): PersonValues => ({
  full_name: person?.full_name ?? '',
  email: person?.email ?? '',
  office_id: person?.office_id ?? officeId ?? null,
  department_id: person?.department_id ?? null,
  job_title: person?.job_title ?? '',
  governance_roles: person?.governance_roles ?? [],
  active: person?.active ?? true,
});

const toPayload = (values: PersonValues) => ({
  ...values,
  email: values.email.trim(),
  job_title: orNull(values.job_title),
});

function PersonForm({ person, officeId, onClose, onReload }: PersonFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offices = useOfficeOptions();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const form = useFormState(() => toValues(person, officeId));
  const departments = useDepartments(form.values.office_id);

  const submit = () => {
    const payload = toPayload(form.values);
    if (!person) {
      const input = form.check(personCreateSchema, payload);
      if (!input) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t('notify.created', { name: created.full_name }));
          onClose();
          void navigate(`/people/${created.id}`);
        },
        onError: form.fail,
      });
      return;
    }
    const changes = changedValues(payload, toPayload(toValues(person)));
    if (Object.keys(changes).length === 0) return onClose();
    const input = form.check(personUpdateSchema, { ...changes, version: person.version });
    if (!input) return;
    update.mutate(
      { id: person.id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('notify.saved', { name: saved.full_name }));
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) form.reset(toValues(fresh));
  };

  return (
    <FormBody
      onSubmit={submit}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
      submitLabel={person ? t('common.save') : t('common.create')}
      error={form.general}
      onReload={onReload && (() => void reload())}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.full_name')}
            required
            data-autofocus
            value={form.values.full_name}
            error={form.errors.full_name}
            onChange={(event) => form.set('full_name', event.currentTarget.value)}
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            value={form.values.email}
            error={form.errors.email}
            onChange={(event) => form.set('email', event.currentTarget.value)}
          />
          <ChoiceSelect
            label={t('fields.office_id')}
            required
            searchable
            data={(offices.data ?? []).map((office) => ({ value: office.id, label: office.name }))}
            value={form.values.office_id}
            error={form.errors.office_id}
            onChange={(value) => {
              form.set('office_id', value);
              form.set('department_id', null);
            }}
          />
          <ChoiceSelect
            label={t('fields.department_id')}
            placeholder={t('common.none')}
            clearable
            disabled={!form.values.office_id}
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={form.values.department_id}
            error={form.errors.department_id}
            onChange={(value) => form.set('department_id', value)}
          />
        </SimpleGrid>
        <TextInput
          label={t('fields.job_title')}
          value={form.values.job_title}
          error={form.errors.job_title}
          onChange={(event) => form.set('job_title', event.currentTarget.value)}
        />
        <Checkbox.Group
          label={t('fields.governance_roles')}
          value={form.values.governance_roles}
          error={form.errors.governance_roles}
          onChange={(value) => form.set('governance_roles', value as GovernanceRole[])}
        >
          <Group mt="xs">
            {GOVERNANCE_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`governanceRoles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('people.activeLabel')}
          checked={form.values.active}
          onChange={(event) => form.set('active', event.currentTarget.checked)}
        />
      </Stack>
    </FormBody>
  );
}

interface PersonFormModalProps extends PersonFormProps {
  opened: boolean;
}

export function PersonFormModal({ opened, ...props }: PersonFormModalProps) {
  const { t } = useTranslation();
  const title = props.person
    ? t('people.editTitle', { name: props.person.full_name })
    : t('people.createTitle');
  return (
    <FormModal opened={opened} onClose={props.onClose} title={title}>
      <PersonForm {...props} />
    </FormModal>
  );
}
