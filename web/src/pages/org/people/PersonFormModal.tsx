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
import { useCreatePerson, useUpdatePerson } from '../../../api/people';
import { FormBody, FormModal } from '../../../components/form/FormModal';
import { OfficeDepartmentFields } from '../../../components/form/OfficeDepartmentFields';
import { useVersionedForm } from '../../../components/form/use-versioned-form';
import { orNull } from '../../../components/form/validation';

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
  const { form, body } = useVersionedForm({
    record: person,
    toValues: (record?: Person) => toValues(record, officeId),
    toPayload,
    createSchema: personCreateSchema,
    updateSchema: personUpdateSchema,
    create: useCreatePerson(),
    update: useUpdatePerson(),
    nameOf: (saved) => saved.full_name,
    onClose,
    onCreated: (created) => void navigate(`/people/${created.id}`),
    onReload,
  });

  return (
    <FormBody {...body}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.full_name')} required data-autofocus {...form.text('full_name')} />
          <TextInput label={t('fields.email')} type="email" required {...form.text('email')} />
          <OfficeDepartmentFields form={form} />
        </SimpleGrid>
        <TextInput label={t('fields.job_title')} {...form.text('job_title')} />
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
        <Switch label={t('people.activeLabel')} {...form.flag('active')} />
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
