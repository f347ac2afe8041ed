import { Readable } from 'node:stream';
import type { Office } from '../org/org.schema.js';
import type { Asset, SensitivityLabel } from './asset.schema.js';

/*
 * The inventory's metadata that may be public, as a DCAT-AP catalogue in JSON-LD, for catalogue
 * interoperability (data.europa.eu, CKAN, HDX harvesters). Only assets labelled Public or Internal
 * are listed; Confidential, Strictly Confidential and unlabelled assets are left out entirely. Of a
 * listed asset only descriptive fields are published: never people (names or e-mails), legal basis,
 * hosting, special categories, data subjects, retention or sharing. The mapping is in docs/inventory.md.
 */

export const DCAT_CONTENT_TYPE = 'application/ld+json; charset=utf-8';

/** EU Publications Office access-right vocabulary. */
const ACCESS_RIGHTS = 'http://publications.europa.eu/resource/authority/access-right/';
const PUBLISHED_LABELS: Partial<Record<SensitivityLabel, string>> = {
  Public: `${ACCESS_RIGHTS}PUBLIC`,
  Internal: `${ACCESS_RIGHTS}RESTRICTED`,
};

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export type PublicOffice = Pick<Office, 'id' | 'code' | 'name'>;

/** The dcat:Dataset of an asset, or null when the asset may not be published. */
export function dcatDataset(asset: Asset, office: PublicOffice | undefined): Record<string, unknown> | null {
  const access = asset.sensitivity_label === null ? undefined : PUBLISHED_LABELS[asset.sensitivity_label];
  if (access === undefined || office === undefined) return null;
  return {
    '@id': `urn:uuid:${asset.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': asset.id,
    'dct:title': asset.name,
    ...(asset.description ? { 'dct:description': asset.description } : {}),
    'dcat:keyword': asset.tags,
    'dct:publisher': {
      '@type': 'foaf:Organization',
      'foaf:name': office.name,
      'dct:identifier': office.code,
    },
    // A role of the office, never a person: the focal point answers for the office's inventory.
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': `${office.name} (${office.code}): data governance focal point`,
    },
    'dct:modified': { '@value': asset.updated_at.slice(0, 10), '@type': 'xsd:date' },
    'dct:accessRights': { '@id': access },
  };
}

export interface DcatFile {
  filename: string;
  contentType: string;
  stream: Readable;
  /** Datasets written; final once the stream has ended. */
  datasetCount(): number;
}

/** The catalogue, streamed: the assets are read page by page as the file is written. */
export function dcatCatalogue(
  pages: AsyncIterable<readonly Asset[]>,
  offices: ReadonlyMap<string, PublicOffice>,
  options: { baseUrl: string; issued: string },
): DcatFile {
  let count = 0;
  async function* generate(): AsyncGenerator<string> {
    const head = JSON.stringify(
      {
        '@context': CONTEXT,
        '@id': `${options.baseUrl}/api/assets/dcat.jsonld`,
        '@type': 'dcat:Catalog',
        'dct:title': 'Data inventory',
        'dct:description':
          'Data assets whose metadata may be public (labelled Public or Internal), from the Custos data inventory',
        'dct:modified': { '@value': options.issued, '@type': 'xsd:date' },
      },
      null,
      2,
    );
    // The datasets go into the catalogue object: its closing brace is reopened with the list.
    yield `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "dcat:dataset": [`;
    for await (const page of pages) {
      for (const asset of page) {
        const dataset = dcatDataset(asset, offices.get(asset.office_id));
        if (dataset === null) continue;
        yield `${count === 0 ? '\n' : ',\n'}    ${JSON.stringify(dataset)}`;
        count++;
      }
    }
    yield `${count === 0 ? '' : '\n  '}]\n}\n`;
  }
  return {
    filename: `custos-inventory-${options.issued}.jsonld`,
    contentType: DCAT_CONTENT_TYPE,
    stream: Readable.from(generate()),
    datasetCount: () => count,
  };
}
