import type { Asset } from '@server/modules/inventory/asset.schema';
import { fetchAsset, searchAssets } from '../../api/assets';
import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect';

const option = (asset: Asset) => ({ value: asset.id, label: asset.name });

/** Systems (applications and databases) matching the text, by name; never the asset itself. */
async function searchSystems(q: string, exclude?: string) {
  const found = await Promise.all([
    searchAssets({ q, asset_type: 'application', sort: 'name' }),
    searchAssets({ q, asset_type: 'database', sort: 'name' }),
  ]);
  return found
    .flat()
    .filter((asset) => asset.id !== exclude)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(option);
}

interface AssetSystemSelectProps extends Omit<RemoteSelectProps, 'queryKey' | 'search' | 'lookup'> {
  /** The asset being edited, which cannot hold itself. */
  exclude?: string;
}

/** Choose the system holding an asset. */
export function AssetSystemSelect({ exclude, ...props }: AssetSystemSelectProps) {
  return (
    <RemoteSelect
      {...props}
      queryKey={['assets', 'systems', exclude]}
      search={(q) => searchSystems(q, exclude)}
      lookup={async (id) => option(await fetchAsset(id))}
    />
  );
}
