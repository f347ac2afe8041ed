import { Alert } from '@mantine/core';
import type { AuditVerifyResult } from '@server/modules/audit/audit.schema';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The outcome of walking the hash chain: intact, or where and why it breaks. */
export function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  const checked = result.events_checked;
  if (result.ok) {
    return (
      <Alert
        color="green"
        title={t('audit.verifyOkTitle')}
        icon={<IconShieldCheck aria-hidden />}
        role="status"
      >
        {t('audit.verifyOk', { checked })}
      </Alert>
    );
  }
  const brokenAt = result.first_break;
  const reason = t(`audit.reasons.${brokenAt?.reason ?? 'missing'}`);
  return (
    <Alert
      color="red"
      title={t('audit.verifyBrokenTitle')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      {brokenAt?.seq != null
        ? t('audit.verifyBroken', { seq: brokenAt.seq, reason, checked })
        : t('audit.verifyBrokenNoEvent', { reason, checked })}
    </Alert>
  );
}
