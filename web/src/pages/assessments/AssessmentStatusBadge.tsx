import { Badge } from '@mantine/core';
import type { AssessmentStatus, Severity } from '@server/modules/assessments/assessments.schema';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<AssessmentStatus, string> = {
  draft: 'gray',
  in_review: 'blue',
  completed: 'green',
};
const SEVERITY_COLOURS: Record<Severity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`assessments.statuses.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOURS[severity]} variant="filled">
      {t(`assessments.severities.${severity}`)}
    </Badge>
  );
}
