import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { OWNERSHIP_FIELDS, type Asset } from '@server/modules/inventory/asset.schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { DetailList } from '../../components/DetailList';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { AssetLabelBadge } from './AssetLabelBadge';

interface AssetDetailsProps {
  asset: Asset;
  /** Names of the people, system and department the asset points at (by id). */
  names: Record<string, string>;
}

/** A list of words as badges; nothing (read as "not set") when empty. */
function badges(items: string[]): ReactNode {
  if (items.length === 0) return null;
  return (
    <Group gap={4} component="span">
      {items.map((item) => (
        <Badge key={item} variant="light" color="gray" tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

function Section({ title, items }: { title: string; items: { label: string; value: ReactNode }[] }) {
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <DetailList items={items} />
    </section>
  );
}

/** Every field of an asset, in the groups its form uses. */
export function AssetDetails({ asset, names }: AssetDetailsProps) {
  const { t, i18n } = useTranslation();
  const offices = useOfficeOptions();
  const office = offices.data?.find((candidate) => candidate.id === asset.office_id);
  const date = (value: string | null) => value && formatPartialDate(value, i18n.language);
  const link = (to: string, name: string | undefined, fallback: string) => (
    <Anchor component={Link} to={to}>
      {name ?? fallback}
    </Anchor>
  );

  return (
    <Stack gap="lg">
      <Section
        title={t('assets.groups.identity')}
        items={[
          { label: t('fields.asset_type'), value: t(`assets.types.${asset.asset_type}`) },
          { label: t('fields.description'), value: asset.description },
          {
            label: t('fields.system_id'),
            value:
              asset.system_id &&
              link(`/inventory/assets/${asset.system_id}`, names[asset.system_id], t('assets.systemLink')),
          },
          {
            label: t('fields.office_id'),
            value: link(`/offices/${asset.office_id}`, office?.name, t('assets.officeLink')),
          },
          { label: t('fields.department_id'), value: asset.department_id && names[asset.department_id] },
        ]}
      />
      <Section
        title={t('assets.groups.ownership')}
        items={OWNERSHIP_FIELDS.map((field) => {
          const id = asset[field];
          return {
            label: t(`fields.${field}`),
            value: id && link(`/people/${id}`, names[id], t('fields.person_id')),
          };
        })}
      />
      <Section
        title={t('assets.groups.sensitivity')}
        items={[
          {
            label: t('fields.sensitivity_label'),
            value: <AssetLabelBadge label={asset.sensitivity_label} />,
          },
          { label: t('fields.personal_data'), value: asset.personal_data ? t('common.yes') : t('common.no') },
          {
            label: t('fields.special_categories'),
            value: badges(asset.special_categories.map((c) => t(`assets.specialCategories.${c}`))),
          },
          {
            label: t('fields.data_subjects'),
            value: badges(asset.data_subjects.map((s) => t(`assets.dataSubjects.${s}`))),
          },
        ]}
      />
      <Section
        title={t('assets.groups.legal')}
        items={[
          { label: t('fields.legal_basis'), value: asset.legal_basis },
          { label: t('fields.purpose'), value: asset.purpose },
          { label: t('fields.retention'), value: asset.retention },
        ]}
      />
      <Section
        title={t('assets.groups.hosting')}
        items={[
          { label: t('fields.hosting_location'), value: asset.hosting_location },
          { label: t('fields.sharing_agreements'), value: asset.sharing_agreements },
          { label: t('fields.tags'), value: badges(asset.tags) },
        ]}
      />
      <Section
        title={t('assets.groups.review')}
        items={[
          { label: t('fields.last_reviewed'), value: date(asset.last_reviewed) },
          { label: t('fields.last_access_review'), value: date(asset.last_access_review) },
          { label: t('fields.created_at'), value: formatDateTime(asset.created_at, i18n.language) },
          { label: t('fields.updated_at'), value: formatDateTime(asset.updated_at, i18n.language) },
        ]}
      />
    </Stack>
  );
}
