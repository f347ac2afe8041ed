import { SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DetailListProps {
  items: { label: string; value: ReactNode }[];
}

/** A record's fields as a description list; empty values show "—" and are read as "not set". */
export function DetailList({ items }: DetailListProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0}>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <>
                <span aria-hidden>—</span>
                <VisuallyHidden>{t('common.notSet')}</VisuallyHidden>
              </>
            ) : (
              item.value
            )}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
