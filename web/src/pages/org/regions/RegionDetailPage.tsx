import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useRegion, useRemoveRegion } from '../../../api/regions';
import { useCan } from '../../../api/session';
import { ConfirmDelete } from '../../../components/ConfirmDelete';
import { DetailList } from '../../../components/DetailList';
import { EditButton } from '../../../components/EditButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTabs } from '../../../components/RecordTabs';
import { formatDateTime } from '../../../i18n/format';
import { OfficeFormModal } from '../offices/OfficeFormModal';
import { OfficesTable } from '../offices/OfficesTable';
import { RegionFormModal } from './RegionFormModal';

export function RegionDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const region = useRegion(id);
  const remove = useRemoveRegion();
  const [editing, edit] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  const [sort, setSort] = useState('name');
  const reload = async () => (await region.refetch()).data;

  if (region.isPending) return <Loading />;
  if (region.isError) return <ErrorAlert error={region.error} onRetry={() => void region.refetch()} />;
  const record = region.data;
  const trail = [{ label: t('regions.title'), to: '/regions' }];

  return (
    <>
      <PageHeader
        title={record.name}
        trail={trail}
        actions={
          can('org.structure.write') && (
            <>
              <EditButton onClick={edit.open} />
              <ConfirmDelete
                name={record.name}
                onConfirm={() => remove.mutateAsync(record)}
                onDeleted={() => void navigate('/regions')}
                onReload={() => void region.refetch()}
              />
            </>
          )
        }
      />
      <DetailList
        items={[
          { label: t('fields.code'), value: record.code },
          { label: t('fields.name'), value: record.name },
          { label: t('fields.created_at'), value: formatDateTime(record.created_at, i18n.language) },
          { label: t('fields.updated_at'), value: formatDateTime(record.updated_at, i18n.language) },
        ]}
      />
      <RecordTabs
        name={record.name}
        history={{ entityType: 'region', entityId: record.id }}
        tabs={[
          {
            value: 'offices',
            label: t('offices.title'),
            panel: (
              <>
                {can('org.structure.write') && (
                  <Group justify="flex-end" mb="sm">
                    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add.open}>
                      {t('offices.create')}
                    </Button>
                  </Group>
                )}
                <OfficesTable
                  label={t('regions.officesOf', { name: record.name })}
                  filters={{ region_id: record.id }}
                  sort={sort}
                  onSort={setSort}
                />
              </>
            ),
          },
        ]}
      />
      <RegionFormModal opened={editing} region={record} onClose={edit.close} onReload={reload} />
      <OfficeFormModal opened={adding} regionId={record.id} onClose={add.close} />
    </>
  );
}
