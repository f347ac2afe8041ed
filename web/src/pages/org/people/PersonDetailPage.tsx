import { Anchor, Badge, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDepartments } from '../../../api/departments';
import { useOffice } from '../../../api/offices';
import { usePerson, useRemovePerson } from '../../../api/people';
import { useCan } from '../../../api/session';
import { ConfirmDelete } from '../../../components/ConfirmDelete';
import { DetailList } from '../../../components/DetailList';
import { EditButton } from '../../../components/EditButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTabs } from '../../../components/RecordTabs';
import { formatDateTime } from '../../../i18n/format';
import { ActiveBadge } from './ActiveBadge';
import { PersonFormModal } from './PersonFormModal';

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const person = usePerson(id);
  const office = useOffice(person.data?.office_id ?? '', Boolean(person.data));
  const departments = useDepartments(person.data?.department_id ? person.data.office_id : null);
  const remove = useRemovePerson();
  const [editing, edit] = useDisclosure(false);
  const reload = async () => (await person.refetch()).data;

  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  const record = person.data;
  const department = departments.data?.find((candidate) => candidate.id === record.department_id);
  const departmentNames = Object.fromEntries((departments.data ?? []).map((d) => [d.id, d.name]));

  return (
    <>
      <PageHeader
        title={record.full_name}
        trail={[{ label: t('people.title'), to: '/people' }]}
        actions={
          can('people.write') && (
            <>
              <EditButton onClick={edit.open} />
              <ConfirmDelete
                name={record.full_name}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/people')}
                onReload={() => void person.refetch()}
              />
            </>
          )
        }
      />
      <DetailList
        items={[
          { label: t('fields.email'), value: record.email },
          { label: t('fields.job_title'), value: record.job_title },
          {
            label: t('fields.office_id'),
            value: (
              <Anchor component={Link} to={`/offices/${record.office_id}`}>
                {office.data?.name ?? t('people.officeLink')}
              </Anchor>
            ),
          },
          { label: t('fields.department_id'), value: department?.name },
          {
            label: t('fields.governance_roles'),
            value: record.governance_roles.length > 0 && (
              <Group gap={4}>
                {record.governance_roles.map((role) => (
                  <Badge key={role} variant="light">
                    {t(`governanceRoles.${role}`)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { label: t('fields.active'), value: <ActiveBadge active={record.active} /> },
          { label: t('fields.updated_at'), value: formatDateTime(record.updated_at, i18n.language) },
        ]}
      />
      <RecordTabs
        name={record.full_name}
        history={{ entityType: 'person', entityId: record.id, names: departmentNames }}
        tabs={[]}
      />
      <PersonFormModal opened={editing} person={record} onClose={edit.close} onReload={reload} />
    </>
  );
}
