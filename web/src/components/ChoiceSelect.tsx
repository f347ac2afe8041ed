import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's Select with translated texts for its clear button and empty search. */
export function ChoiceSelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      nothingFoundMessage={t('common.nothingFound')}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}
