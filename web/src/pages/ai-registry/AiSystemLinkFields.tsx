import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Input,
  MultiSelect,
  Pill,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { PUBLISHABLE_FIELDS, type PublishableField } from '@server/modules/ai-registry/ai-system.schema';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAiAppChoices } from '../../api/ai-systems';
import { fetchAsset, searchAssets } from '../../api/assets';
import type { FormState } from '../../components/form/use-form-state';
import { RemoteSelect } from '../../components/RemoteSelect';
import type { AiSystemValues, ModelValues } from './ai-system-form-values';

type Form = FormState<AiSystemValues>;

/** The underlying models, one row each: name, provider, general-purpose. */
export function ModelsEditor({ form }: { form: Form }) {
  const { t } = useTranslation();
  const models = form.values.models;
  const change = (index: number, patch: Partial<ModelValues>) =>
    form.set(
      'models',
      models.map((model, i) => (i === index ? { ...model, ...patch } : model)),
    );
  return (
    <Input.Wrapper label={t('aiRegistry.fields.models')} error={form.errors.models}>
      <Stack gap="xs" mt={4}>
        {models.map((model, index) => (
          <Group key={index} align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              label={t('aiRegistry.model.name', { number: index + 1 })}
              value={model.name}
              onChange={(e) => change(index, { name: e.currentTarget.value })}
            />
            <TextInput
              label={t('aiRegistry.model.provider', { number: index + 1 })}
              value={model.provider}
              onChange={(e) => change(index, { provider: e.currentTarget.value })}
            />
            <Checkbox
              mb={8}
              label={t('aiRegistry.model.generalPurpose')}
              checked={model.general_purpose}
              onChange={(e) => change(index, { general_purpose: e.currentTarget.checked })}
            />
            <ActionIcon
              mb={4}
              variant="subtle"
              color="red"
              aria-label={t('aiRegistry.model.remove', { number: index + 1 })}
              onClick={() =>
                form.set(
                  'models',
                  models.filter((_, i) => i !== index),
                )
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              form.set('models', [...models, { name: '', provider: '', general_purpose: false }])
            }
          >
            {t('aiRegistry.model.add')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** The AI usage catalogue's apps this system is, so usage monitoring reads its approval. */
export function UsageAppsSelect({ form }: { form: Form }) {
  const { t } = useTranslation();
  const choices = useAiAppChoices();
  const known = new Set(choices.data?.map((app) => app.id));
  // An id the catalogue no longer has stays visible (and removable) under its id.
  const data = [
    ...(choices.data ?? []).map((app) => ({ value: app.id, label: app.name })),
    ...form.values.usage_app_ids.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <MultiSelect
      label={t('aiRegistry.fields.usage_app_ids')}
      description={t('aiRegistry.usageAppsHint')}
      searchable
      data={data}
      {...form.field('usage_app_ids')}
    />
  );
}

const assetOption = (asset: { id: string; name: string }) => ({ value: asset.id, label: asset.name });

/** A data asset by name, linked to its page (or said to be unavailable: deleted, or out of scope). */
export function AssetLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const asset = useQuery({
    queryKey: ['assets', 'picker', 'option', id],
    queryFn: () => fetchAsset(id),
    staleTime: 60_000,
    retry: false,
  });
  if (!asset.data) return <Text size="sm">{asset.isError ? t('aiRegistry.assetUnavailable') : '…'}</Text>;
  return (
    <Anchor component={Link} to={`/inventory/assets/${encodeURIComponent(id)}`} size="sm">
      {asset.data.name}
    </Anchor>
  );
}

/** A chosen data asset with a button to remove it. */
function AssetPill({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Pill size="md">
      <Group gap={4} wrap="nowrap">
        <AssetLink id={id} />
        <CloseButton size="xs" aria-label={t('aiRegistry.removeAsset')} onClick={onRemove} />
      </Group>
    </Pill>
  );
}

/** The inventory's data assets this system uses: searched by name as the reader types. */
export function DataAssetsPicker({ form }: { form: Form }) {
  const { t } = useTranslation();
  const chosen = form.values.data_asset_ids;
  return (
    <Input.Wrapper label={t('aiRegistry.fields.data_asset_ids')} error={form.errors.data_asset_ids}>
      <Stack gap="xs" mt={4}>
        {chosen.length > 0 && (
          <Group gap="xs">
            {chosen.map((id) => (
              <AssetPill
                key={id}
                id={id}
                onRemove={() =>
                  form.set(
                    'data_asset_ids',
                    chosen.filter((other) => other !== id),
                  )
                }
              />
            ))}
          </Group>
        )}
        <RemoteSelect
          aria-label={t('aiRegistry.addAsset')}
          placeholder={t('aiRegistry.addAsset')}
          queryKey={['assets', 'picker']}
          value={null}
          search={async (q) =>
            (await searchAssets({ q, sort: 'name' }))
              .filter((asset) => !chosen.includes(asset.id))
              .map(assetOption)
          }
          lookup={async (id) => assetOption(await fetchAsset(id))}
          onChange={(id) => id && !chosen.includes(id) && form.set('data_asset_ids', [...chosen, id])}
        />
      </Stack>
    </Input.Wrapper>
  );
}

/** Which fields the public register shows (the name always), once the system is public. */
export function PublicFieldsChooser({ form }: { form: Form }) {
  const { t } = useTranslation();
  if (!form.values.public) return null;
  return (
    <Checkbox.Group
      label={t('aiRegistry.fields.public_fields')}
      description={t('aiRegistry.publicFieldsHint')}
      value={form.values.public_fields}
      error={form.errors.public_fields}
      onChange={(value) =>
        form.set(
          'public_fields',
          PUBLISHABLE_FIELDS.filter((field) => value.includes(field)),
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
        {PUBLISHABLE_FIELDS.map((field: PublishableField) => (
          <Checkbox key={field} value={field} label={t(`aiRegistry.publishable.${field}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
