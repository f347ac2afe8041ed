import { Anchor, Checkbox, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { TIERS } from '@server/modules/ai-registry/ai-act.schema';
import { APPROVAL_STATUSES, LIFECYCLES } from '@server/modules/ai-registry/ai-system.schema';
import { useTranslation } from 'react-i18next';
import { PUBLIC_REGISTER_FORMATS, publicRegisterHref } from '../../api/ai-systems';
import { useCan } from '../../api/session';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { CreateButton } from '../../components/CreateButton';
import { OfficeSelect } from '../../components/OrgSelects';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUrlFilters } from '../../components/use-url-filters';
import { AI_SYSTEM_FILTER_KEYS, aiSystemQuery } from './ai-system-filters';
import { AiSystemFormModal } from './AiSystemFormModal';
import { AiSystemsSummary } from './AiSystemsSummary';
import { AiSystemsTable } from './AiSystemsTable';

export function AiSystemsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(AI_SYSTEM_FILTER_KEYS);
  const [creating, { open, close }] = useDisclosure(false);
  const query = aiSystemQuery(filters);
  const flag = (key: 'review_overdue' | 'no_dpia', label: string) => (
    <Checkbox
      label={label}
      checked={query[key] === 'true'}
      onChange={(event) => setFilters({ [key]: event.currentTarget.checked ? 'true' : null })}
    />
  );

  return (
    <>
      <PageHeader
        title={t('aiRegistry.title')}
        actions={can('ai.write') && <CreateButton label={t('aiRegistry.create')} onClick={open} />}
      />
      <AiSystemsSummary />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput
          label={t('aiRegistry.search')}
          value={filters.q ?? ''}
          onSearch={(q) => setFilters({ q })}
        />
        <ChoiceSelect
          label={t('aiRegistry.fields.tier')}
          placeholder={t('common.all')}
          clearable
          data={[
            ...TIERS.map((value) => ({ value, label: t(`aiAct.result.tiers.${value}.label`) })),
            { value: 'unclassified', label: t('aiRegistry.unclassified') },
          ]}
          value={query.tier ?? null}
          onChange={(value) => setFilters({ tier: value })}
        />
        <ChoiceSelect
          label={t('aiRegistry.fields.approval_status')}
          placeholder={t('common.all')}
          clearable
          data={APPROVAL_STATUSES.map((value) => ({ value, label: t(`aiRegistry.approval.${value}`) }))}
          value={query.approval_status ?? null}
          onChange={(value) => setFilters({ approval_status: value })}
        />
        <ChoiceSelect
          label={t('aiRegistry.fields.lifecycle')}
          placeholder={t('common.all')}
          clearable
          data={LIFECYCLES.map((value) => ({ value, label: t(`aiRegistry.lifecycles.${value}`) }))}
          value={query.lifecycle ?? null}
          onChange={(value) => setFilters({ lifecycle: value })}
        />
        <OfficeSelect
          label={t('fields.office_id')}
          placeholder={t('common.all')}
          clearable
          value={query.office_id ?? null}
          onChange={(value) => setFilters({ office_id: value })}
        />
        {flag('review_overdue', t('aiRegistry.reviewOverdue'))}
        {flag('no_dpia', t('aiRegistry.noDpia'))}
      </Group>
      <AiSystemsTable filters={query} sort={filters.sort ?? 'name'} onSort={(sort) => setFilters({ sort })} />
      <Group gap="xs" mt="lg">
        <Text size="sm">{t('aiRegistry.publicRegister')}:</Text>
        {PUBLIC_REGISTER_FORMATS.map((format) => (
          <Anchor key={format} size="sm" href={publicRegisterHref(format)} target="_blank" rel="noopener">
            {format.toUpperCase()}
          </Anchor>
        ))}
      </Group>
      <AiSystemFormModal opened={creating} onClose={close} />
    </>
  );
}
