import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { feature as topojsonFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { mapNameOfUnnumbered } from './country-codes';
import { echarts } from './echarts';

/** The name the world map is registered under in ECharts. */
export const WORLD_MAP = 'world';

/** Antarctica takes a fifth of a world map and holds no office. */
const LEFT_OUT = new Set(['010']);

/**
 * Countries of world-atlas as GeoJSON features named by their ISO 3166-1 numeric code (the name ECharts
 * matches data by); the few without a code (Kosovo, say) by `name:<English name>`. Their English name
 * is kept as `label`.
 */
export function worldFeatures(
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>,
  toGeoJson: typeof topojsonFeature,
): FeatureCollection<Geometry, { name: string; label: string }> {
  const countries = toGeoJson(topology, topology.objects.countries);
  const features: Feature<Geometry, { name: string; label: string }>[] = [];
  for (const country of countries.features) {
    const id = country.id === undefined ? null : String(country.id);
    if (id !== null && LEFT_OUT.has(id)) continue;
    const label = country.properties?.name ?? '';
    features.push({ ...country, properties: { name: id ?? mapNameOfUnnumbered(label), label } });
  }
  return { type: 'FeatureCollection', features };
}

let registered: Promise<void> | null = null;

/**
 * Fetch the world's geometry (a separate chunk of ~100 kB, loaded only when a map is first shown)
 * and register it with ECharts, once.
 */
export function loadWorldMap(): Promise<void> {
  registered ??= Promise.all([import('world-atlas/countries-110m.json'), import('topojson-client')])
    .then(([atlas, topojson]) => {
      const topology = (atlas.default ?? atlas) as unknown as Parameters<typeof worldFeatures>[0];
      // ECharts' own GeoJSON type is looser than the standard one it accepts.
      echarts.registerMap(WORLD_MAP, worldFeatures(topology, topojson.feature) as never);
    })
    .catch((error: unknown) => {
      registered = null;
      throw error;
    });
  return registered;
}
