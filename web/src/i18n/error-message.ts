import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { formatDateTime } from './format';
import type en from './en.json';

type ErrorCode = keyof typeof en.errors;

function isKnownCode(code: string, catalogue: object): code is ErrorCode {
  return Object.hasOwn(catalogue, code);
}

/** A translated sentence for any failure: API codes map to `errors.<code>`, the rest to "internal". */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const catalogue = i18n.getResource('en', 'translation', 'errors') as object;
  return (error) => {
    if (!isApiError(error)) return t('errors.internal');
    const details = (error.details ?? {}) as Record<string, unknown>;
    if (error.code === 'account_locked' && typeof details.locked_until === 'string') {
      return t('errorHints.accountLockedUntil', {
        time: formatDateTime(details.locked_until, i18n.language),
      });
    }
    if (error.code === 'conflict' && typeof details.offices === 'number') {
      return t('errorHints.regionHasOffices', { count: details.offices });
    }
    if (error.code === 'conflict' && typeof details.assets === 'number') {
      return t('errorHints.systemHoldsAssets', { count: details.assets });
    }
    if (error.code === 'conflict' && details.reason === 'referenced') return t('errorHints.stillReferenced');
    return isKnownCode(error.code, catalogue) ? t(`errors.${error.code}`) : t('errors.internal');
  };
}
