import type { Permission } from '@server/core/permissions';
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../api/session';
import { PageHeader } from '../components/PageHeader';

/**
 * A page for holders of one permission. The navigation already hides it from others; this answers
 * a bookmarked or typed address. The API checks again and stays the authority.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Text>{t('errors.forbidden')}</Text>
    </>
  );
}
