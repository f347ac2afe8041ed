import { Anchor, Breadcrumbs, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Crumb {
  label: string;
  to: string;
}

interface PageHeaderProps {
  title: string;
  /** Where the page sits, from the top; the page itself is not repeated. */
  trail?: Crumb[];
  actions?: ReactNode;
}

export function PageHeader({ title, trail = [], actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Stack gap="xs" mb="md">
      {trail.length > 0 && (
        <nav aria-label={t('nav.breadcrumbs')}>
          <Breadcrumbs>
            {trail.map((crumb) => (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
                {crumb.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
