import type {
  Crosswalk,
  FrameworkDetail,
  FrameworkSummary,
  ThemeView,
} from '@server/modules/frameworks/frameworks.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { api } from './client';
import { downloadFile } from './download';

/*
 * The frameworks library: reference data shipped with the server, read-only and the same for every
 * reader, so answers are kept for the whole visit instead of being fetched again.
 */

const PATH = '/api/frameworks';

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks', 'list'],
    queryFn: async () => (await api.get<{ items: FrameworkSummary[] }>(PATH)).items,
    staleTime: Infinity,
  });
}

export function useFramework(id: string) {
  return useQuery({
    queryKey: ['frameworks', 'detail', id],
    queryFn: () => api.get<FrameworkDetail>(`${PATH}/${encodeURIComponent(id)}`),
    staleTime: Infinity,
  });
}

/** The themes with their labels and descriptions in the interface language, fetched again when it changes. */
export function useThemes() {
  useTranslation(); // re-render, and so re-key the query, when the language changes
  const lang = currentLanguage();
  return useQuery({
    queryKey: ['frameworks', 'themes', lang],
    queryFn: async () => (await api.get<{ items: ThemeView[] }>(`${PATH}/themes`, { lang })).items,
    staleTime: Infinity,
  });
}

export interface CrosswalkSelection {
  frameworks: readonly string[];
  /** All themes when empty. */
  themes: readonly string[];
}

const crosswalkQuery = ({ frameworks, themes }: CrosswalkSelection) => ({
  frameworks: frameworks.join(','),
  themes: themes.join(','),
});

/** The comparative table; nothing is asked until at least one framework is chosen. */
export function useCrosswalk(selection: CrosswalkSelection) {
  return useQuery({
    queryKey: ['frameworks', 'crosswalk', selection.frameworks, selection.themes],
    queryFn: () => api.get<Crosswalk>(`${PATH}/crosswalk`, crosswalkQuery(selection)),
    enabled: selection.frameworks.length > 0,
    staleTime: Infinity,
    // Changing the selection keeps the current table on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export type CrosswalkFileFormat = 'xlsx' | 'md' | 'docx';

export const downloadCrosswalk = (selection: CrosswalkSelection, format: CrosswalkFileFormat) =>
  downloadFile(`${PATH}/crosswalk`, { ...crosswalkQuery(selection), format }, `crosswalk.${format}`);
