import type { Tier } from '@server/modules/ai-registry/ai-act.schema';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/en.json';
import { matchedWords } from './check-state';

/*
 * Texts of the AI Act check in the reader's language. The API answers with stable codes for its fixed
 * messages (`note_code`, `notice_code`: "ai_act.<name>"), which the web translates; the English text the
 * API sends beside them is shown only for a code this web build does not know.
 */

/** Badge colours with dark or light text picked for contrast (`autoContrast`). */
export const TIER_COLOURS: Record<Tier, string> = {
  out_of_scope: 'gray.3',
  prohibited: 'red.9',
  high: 'orange.4',
  limited: 'yellow.3',
  minimal: 'green.3',
};

type NoteName = keyof typeof en.aiAct.notes;
type NoticeName = keyof typeof en.aiAct.notices;

const codeName = (code: string) => code.replace(/^ai_act\./, '');
const isNote = (name: string): name is NoteName => Object.hasOwn(en.aiAct.notes, name);
const isNotice = (name: string): name is NoticeName => Object.hasOwn(en.aiAct.notices, name);

export function useCodeTexts() {
  const { t } = useTranslation();
  return {
    note: (code: string, fallback: string) => {
      const name = codeName(code);
      return isNote(name) ? t(`aiAct.notes.${name}`) : fallback;
    },
    notice: (code: string, fallback: string) => {
      const name = codeName(code);
      return isNotice(name) ? t(`aiAct.notices.${name}`) : fallback;
    },
  };
}

/** Why a suggestion was made, quoting the matched words in the reader's language. */
export function useBecauseText(): (because: string) => string {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (because) => {
    const words = matchedWords(because);
    if (!words) return t('aiAct.describe.becauseAsGiven', { because });
    return t('aiAct.describe.because', {
      words: list.format(words.map((text) => t('aiAct.describe.quoted', { text }))),
    });
  };
}
