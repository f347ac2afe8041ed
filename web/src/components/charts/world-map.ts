import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { feature as topojsonFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { mapNameOfUnnumbered } from './country-codes';
import { echarts } from './echarts';

/** The name the world map is registered under in ECharts. */
export const WORLD_MAP = 'world';

/** Antarctica takes a fifth of a world map and holds no office. */
const LEFT_OUT = new Set(['010']);

type Ring = number[][];

/**
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180° to -180°, which a
 * flat map draws as a line across the world: move its western points past 180° instead.
 */
export function unwrapRing(ring: Ring): Ring {
  const crosses = ring.some((point, i) => i > 0 && Math.abs(point[0]! - ring[i - 1]![0]!) > 180);
  return crosses ? ring.map(([lon = 0, ...rest]) => [lon < 0 ? lon + 360 : lon, ...rest]) : ring;
}

function unwrapGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

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
    features.push({
      ...country,
      geometry: unwrapGeometry(country.geometry),
      properties: { name: id ?? mapNameOfUnnumbered(label), label },
    });
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
