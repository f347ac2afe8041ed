import { Anchor, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegions } from '../../../api/regions';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RegionFormModal } from './RegionFormModal';

export function RegionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const regions = useRegions();
  const [creating, { open, close }] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t('regions.title')}
        actions={
          can('org.structure.write') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t('regions.create')}
            </Button>
          )
        }
      />
      {regions.isPending && <Loading />}
      {regions.isError && <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />}
      {regions.data && regions.data.length === 0 && <Text c="dimmed">{t('regions.empty')}</Text>}
      {regions.data && regions.data.length > 0 && (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label={t('regions.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.code')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {regions.data.map((region) => (
                <Table.Tr key={region.id}>
                  <Table.Td>{region.code}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/regions/${region.id}`}>
                      {region.name}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RegionFormModal opened={creating} onClose={close} />
    </>
  );
}
