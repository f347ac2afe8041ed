import type { Language } from '@server/modules/assessments/assessment-template';
import { useTranslation } from 'react-i18next';

/** The interface language as a template language (templates speak English, French and Spanish). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const code = i18n.language.slice(0, 2);
  return code === 'fr' || code === 'es' ? code : 'en';
}
