import { Anchor } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useOffice, useRemoveOffice } from '../../../api/offices';
import { useRegions } from '../../../api/regions';
import { useCan } from '../../../api/session';
import { ConfirmDelete } from '../../../components/ConfirmDelete';
import { DetailList } from '../../../components/DetailList';
import { EditButton } from '../../../components/EditButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTabs } from '../../../components/RecordTabs';
import { formatDateTime } from '../../../i18n/format';
import { DepartmentsPanel } from './DepartmentsPanel';
import { OfficeFormModal } from './OfficeFormModal';
import { OfficePeoplePanel } from './OfficePeoplePanel';

export function OfficeDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const office = useOffice(id);
  const regions = useRegions();
  const remove = useRemoveOffice();
  const [editing, edit] = useDisclosure(false);
  const reload = async () => (await office.refetch()).data;

  if (office.isPending) return <Loading />;
  if (office.isError) return <ErrorAlert error={office.error} onRetry={() => void office.refetch()} />;
  const record = office.data;
  const region = regions.data?.find((candidate) => candidate.id === record.region_id);

  return (
    <>
      <PageHeader
        title={record.name}
        trail={[{ label: t('offices.title'), to: '/offices' }]}
        actions={
          <>
            {can('org.office.write') && <EditButton onClick={edit.open} />}
            {can('org.structure.write') && (
              <ConfirmDelete
                name={record.name}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/offices')}
                onReload={() => void office.refetch()}
              />
            )}
          </>
        }
      />
      <DetailList
        items={[
          { label: t('fields.code'), value: record.code },
          { label: t('fields.kind'), value: t(`officeKinds.${record.kind}`) },
          {
            label: t('fields.region_id'),
            value: region && (
              <Anchor component={Link} to={`/regions/${region.id}`}>
                {region.name}
              </Anchor>
            ),
          },
          { label: t('fields.country_code'), value: record.country_code },
          { label: t('fields.city'), value: record.city },
          { label: t('fields.updated_at'), value: formatDateTime(record.updated_at, i18n.language) },
        ]}
      />
      <RecordTabs
        name={record.name}
        history={{ entityType: 'office', entityId: record.id }}
        tabs={[
          {
            value: 'departments',
            label: t('departments.title'),
            panel: <DepartmentsPanel officeId={record.id} officeName={record.name} />,
          },
          {
            value: 'people',
            label: t('people.title'),
            panel: <OfficePeoplePanel officeId={record.id} officeName={record.name} />,
          },
        ]}
      />
      <OfficeFormModal opened={editing} office={record} onClose={edit.close} onReload={reload} />
    </>
  );
}
