import { Anchor, Checkbox, CloseButton, Group, Input, Paper, Stack, Text } from '@mantine/core';
import type { Risk } from '@server/modules/risks/risk.schema';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeOptions } from '../../api/offices';
import { fetchRisk, searchRisks } from '../../api/risks';
import { RemoteSelect } from '../../components/RemoteSelect';
import { LevelBadge } from '../risks/RiskBadges';

interface RequirementRisksProps {
  riskIds: string[];
  editable: boolean;
  /** The assessment's office (null: the whole organisation): the picker offers its risks first. */
  office: { id: string; name: string } | null;
  error?: ReactNode;
  onChange: (riskIds: string[]) => void;
}

/**
 * The register's risks linked to a requirement, as chips to their pages (removable while editing),
 * and a picker that searches the register (the reader's scope only) by words of the title.
 */
export function RequirementRisks({ riskIds, editable, office, error, onChange }: RequirementRisksProps) {
  const { t } = useTranslation();
  const offices = useOfficeOptions();
  const [ownOffice, setOwnOffice] = useState(office !== null);
  const officeName = new Map((offices.data ?? []).map((o) => [o.id, o.name]));
  const label = (risk: Risk) =>
    [risk.title, officeName.get(risk.office_id), t(`risks.levels.${risk.level}`)].filter(Boolean).join(' · ');
  const officeFilter = ownOffice && office ? { office_id: office.id } : {};

  return (
    <Input.Wrapper
      label={t('compliance.risks')}
      description={editable ? t('compliance.risksHint') : undefined}
      error={error}
    >
      <Stack gap="xs" mt={4}>
        {riskIds.length > 0 ? (
          <Group gap="xs" role="list" aria-label={t('compliance.linkedRisks')}>
            {riskIds.map((id) => (
              <RiskChip
                key={id}
                id={id}
                onRemove={editable ? () => onChange(riskIds.filter((other) => other !== id)) : undefined}
              />
            ))}
          </Group>
        ) : (
          !editable && (
            <Text size="sm" c="dimmed">
              {t('compliance.noRisks')}
            </Text>
          )
        )}
        {editable && (
          <Group gap="sm" align="center" wrap="wrap">
            <RemoteSelect
              style={{ flex: 1, minWidth: 260 }}
              aria-label={t('compliance.addRisk')}
              placeholder={t('compliance.addRisk')}
              // The chosen risks and the office filter change what is offered: both name the cache entry.
              queryKey={['risks', 'picker', office && ownOffice ? office.id : 'all', riskIds.join(',')]}
              value={null}
              search={async (q) =>
                (await searchRisks(q, officeFilter))
                  .filter((risk) => !riskIds.includes(risk.id))
                  .map((risk) => ({ value: risk.id, label: label(risk) }))
              }
              lookup={async (id) => {
                const risk = await fetchRisk(id);
                return { value: risk.id, label: label(risk) };
              }}
              onChange={(id) => id && !riskIds.includes(id) && onChange([...riskIds, id])}
            />
            {office && (
              <Checkbox
                size="xs"
                label={t('compliance.ownOfficeRisks', { office: office.name })}
                checked={ownOffice}
                onChange={(event) => setOwnOffice(event.currentTarget.checked)}
              />
            )}
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** A linked risk by title and level, linked to its page (or said to be unavailable: deleted, or out of scope). */
function RiskChip({ id, onRemove }: { id: string; onRemove?: () => void }) {
  const { t } = useTranslation();
  const risk = useQuery({
    queryKey: ['risks', 'picker', 'chip', id],
    queryFn: () => fetchRisk(id),
    staleTime: 60_000,
    retry: false,
  });
  const name = risk.data?.title ?? id;
  return (
    <Paper withBorder radius="xl" px="sm" py={4} role="listitem">
      <Group gap={8} wrap="nowrap">
        {risk.data ? (
          <>
            <Anchor component={Link} to={`/risks/${encodeURIComponent(id)}`} size="sm">
              {risk.data.title}
            </Anchor>
            <LevelBadge level={risk.data.level} />
          </>
        ) : (
          <Text size="sm" c="dimmed" title={id}>
            {risk.isError ? t('compliance.riskUnavailable') : '…'}
          </Text>
        )}
        {onRemove && (
          <CloseButton size="sm" aria-label={t('compliance.removeRisk', { name })} onClick={onRemove} />
        )}
      </Group>
    </Paper>
  );
}
