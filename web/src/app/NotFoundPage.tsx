import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Text mb="sm">{t('notFound.body')}</Text>
      <Anchor component={Link} to="/offices">
        {t('notFound.home')}
      </Anchor>
    </>
  );
}
