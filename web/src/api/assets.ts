import type {
  Asset,
  AssetCreate,
  AssetListQuery,
  AssetUpdate,
  PushOwnership,
  PushOwnershipResult,
} from '@server/modules/inventory/asset.schema';
import type { AssetHealth, ControlsResponse } from '@server/modules/scorecard/scorecard-api.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useCreate, useInvalidate, useRemove, useUpdate } from './mutations';
import { useListPages } from './pages';

const PATH = '/api/assets';
const KEYS = [['assets']];

export type AssetFilters = AssetListQuery;

export function useAssetPages(filters: AssetFilters) {
  return useListPages<Asset>('assets', PATH, filters);
}

export const fetchAsset = (id: string) => api.get<Asset>(`${PATH}/${encodeURIComponent(id)}`);

export function useAsset(id: string, enabled = true) {
  return useQuery({
    queryKey: ['assets', 'detail', id],
    queryFn: () => fetchAsset(id),
    enabled: enabled && id !== '',
  });
}

/** Assets matching a search, for pickers (the first page only: the reader types more to narrow). */
export const searchAssets = async (query: AssetFilters) =>
  (await api.get<Page<Asset>>(PATH, { ...query, limit: 20 })).items;

export const useCreateAsset = () => useCreate<AssetCreate, Asset>(PATH, KEYS);
export const useUpdateAsset = () => useUpdate<Omit<AssetUpdate, 'version'>, Asset>(PATH, KEYS);
export const useRemoveAsset = () => useRemove(PATH, KEYS);

/** Copy a system's owner fields to the assets it holds. */
export function usePushOwnership() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PushOwnership }) =>
      api.post<PushOwnershipResult>(`${PATH}/${encodeURIComponent(id)}/push-ownership`, input),
    onSuccess: refresh,
  });
}

/** Languages the API words health reasons in; others read English. */
const HEALTH_LANGUAGES = ['en', 'fr', 'es'] as const;
type HealthLanguage = (typeof HEALTH_LANGUAGES)[number];
const healthLanguage = (language: string): HealthLanguage =>
  HEALTH_LANGUAGES.find((candidate) => language.startsWith(candidate)) ?? 'en';

/** Each health control's result for one asset today, with its reasons in the reader's language. */
export function useAssetHealth(id: string, language: string) {
  const lang = healthLanguage(language);
  return useQuery({
    queryKey: ['assets', 'health', id, lang],
    queryFn: () => api.get<AssetHealth>(`${PATH}/${encodeURIComponent(id)}/health`, { lang }),
  });
}

/** The health controls in force (for the "failing control" filter), each titled in the reader's language. */
export function useHealthControls(language: string, enabled: boolean) {
  const lang = healthLanguage(language);
  return useQuery({
    queryKey: ['scorecard', 'controls'],
    queryFn: () => api.get<ControlsResponse>('/api/scorecard/controls'),
    enabled,
    staleTime: 60_000,
    select: (response) =>
      response.controls
        .filter((control) => control.enabled)
        .map((control) => ({ value: control.id, label: control.title[lang] })),
  });
}
