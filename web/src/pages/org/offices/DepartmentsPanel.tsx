import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import type { Department } from '@server/modules/org/org.schema';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useRemoveDepartment } from '../../../api/departments';
import { useCan } from '../../../api/session';
import { ConfirmDelete } from '../../../components/ConfirmDelete';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { DepartmentFormModal } from './DepartmentFormModal';

/** The form: a new department or one being edited; kept while closing so the title does not flip. */
interface Editing {
  opened: boolean;
  department?: Department;
}

export function DepartmentsPanel({ officeId, officeName }: { officeId: string; officeName: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const departments = useDepartments(officeId);
  const remove = useRemoveDepartment();
  const [editing, setEditing] = useState<Editing>({ opened: false });
  const writable = can('org.office.write');
  const reload = async (id: string) => (await departments.refetch()).data?.find((d) => d.id === id);

  if (departments.isPending) return <Loading />;
  if (departments.isError)
    return <ErrorAlert error={departments.error} onRetry={() => void departments.refetch()} />;
  return (
    <>
      {writable && (
        <Group justify="flex-end" mb="sm">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ opened: true })}
          >
            {t('departments.create')}
          </Button>
        </Group>
      )}
      {departments.data.length === 0 ? (
        <Text c="dimmed">{t('departments.empty')}</Text>
      ) : (
        <Table aria-label={t('departments.tableLabel', { name: officeName })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.code')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              {writable && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {departments.data.map((department) => (
              <Table.Tr key={department.id}>
                <Table.Td>{department.code}</Table.Td>
                <Table.Td>{department.name}</Table.Td>
                {writable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('common.editNamed', { name: department.name })}
                        onClick={() => setEditing({ opened: true, department })}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ConfirmDelete
                        compact
                        name={department.name}
                        onConfirm={() => remove.mutateAsync(department)}
                        onDeleted={() => undefined}
                        onReload={() => void departments.refetch()}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DepartmentFormModal
        opened={editing.opened}
        officeId={officeId}
        department={editing.department}
        onClose={() => setEditing((current) => ({ ...current, opened: false }))}
        onReload={async () => {
          const id = editing.department?.id;
          const fresh = id ? await reload(id) : undefined;
          if (fresh) setEditing({ opened: true, department: fresh });
          return fresh;
        }}
      />
    </>
  );
}
