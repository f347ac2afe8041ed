import { Badge } from '@mantine/core';
import type { Tier } from '@server/modules/ai-registry/ai-act.schema';
import type { ApprovalStatus, ClassificationStatus } from '@server/modules/ai-registry/ai-system.schema';
import { useTranslation } from 'react-i18next';
import { TIER_COLOURS } from '../ai-act/texts';

/** Badges carry their meaning in words; colour only repeats it. */
export function TierBadge({ tier }: { tier: Tier | null }) {
  const { t } = useTranslation();
  if (tier === null)
    return (
      <Badge color="gray" variant="outline" tt="none">
        {t('aiRegistry.unclassified')}
      </Badge>
    );
  return (
    <Badge color={TIER_COLOURS[tier]} autoContrast tt="none">
      {t(`aiAct.result.tiers.${tier}.label`)}
    </Badge>
  );
}

const APPROVAL_COLOURS: Record<ApprovalStatus, string> = {
  approved: 'green',
  approved_with_conditions: 'teal',
  unapproved: 'red',
  under_review: 'gray',
};

export function ApprovalBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={APPROVAL_COLOURS[status]} variant="light" tt="none">
      {t(`aiRegistry.approval.${status}`)}
    </Badge>
  );
}

export function ClassificationStatusBadge({ status }: { status: ClassificationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'verified' ? 'green' : 'blue'} variant="light" tt="none">
      {t(`aiRegistry.classificationStatus.${status}`)}
    </Badge>
  );
}
