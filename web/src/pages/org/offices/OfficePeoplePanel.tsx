import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../api/session';
import { PeopleTable } from '../people/PeopleTable';
import { PersonFormModal } from '../people/PersonFormModal';

export function OfficePeoplePanel({ officeId, officeName }: { officeId: string; officeName: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [sort, setSort] = useState('full_name');
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <>
      {can('people.write') && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('people.create')}
          </Button>
        </Group>
      )}
      <PeopleTable
        label={t('offices.peopleOf', { name: officeName })}
        filters={{ office_id: officeId }}
        sort={sort}
        onSort={setSort}
        showOffice={false}
      />
      <PersonFormModal opened={adding} officeId={officeId} onClose={close} />
    </>
  );
}
