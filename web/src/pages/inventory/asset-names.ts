import type { Asset } from '@server/modules/inventory/asset.schema';
import { OWNERSHIP_FIELDS } from '@server/modules/inventory/asset.schema';
import { useQueries } from '@tanstack/react-query';
import { useAsset } from '../../api/assets';
import { useDepartments } from '../../api/departments';
import { fetchPersonOption } from '../../api/people';

/**
 * The names behind an asset's ids (its people, system and department), for its page and its history.
 * People are read under the same keys as the person picker, which then has them already.
 */
export function useAssetNames(asset: Asset | undefined) {
  const personIds = [...new Set(OWNERSHIP_FIELDS.map((field) => asset?.[field]).filter((id) => id != null))];
  const people = useQueries({
    queries: personIds.map((id) => ({
      queryKey: ['people', 'picker', 'option', id],
      queryFn: () => fetchPersonOption(id),
      staleTime: 60_000,
    })),
  });
  const system = useAsset(asset?.system_id ?? '', Boolean(asset?.system_id));
  const departments = useDepartments(asset?.department_id ? asset.office_id : null);

  const names: Record<string, string> = {};
  for (const person of people) if (person.data) names[person.data.value] = person.data.label;
  if (system.data) names[system.data.id] = system.data.name;
  for (const department of departments.data ?? []) names[department.id] = department.name;
  return names;
}
