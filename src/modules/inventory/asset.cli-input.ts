import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { collect, FlagNames } from '../../cli/args.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { OrgLookup } from '../org/org.lookup.js';
import type { Office } from '../org/org.schema.js';
import {
  ASSET_TYPES,
  DATA_SUBJECTS,
  SENSITIVITY_LABELS,
  SPECIAL_CATEGORIES,
  UNLABELLED,
  type Asset,
  type OwnershipField,
} from './asset.schema.js';

/* From `custos asset add|update` options to the fields of the API's asset schemas. */

export const FLAGS = new FlagNames({
  name: '--name',
  description: '--description',
  asset_type: '--type',
  system_id: '--system',
  office_id: '--office',
  department_id: '--department',
  data_owner_id: '--owner',
  data_custodian_id: '--custodian',
  data_steward_id: '--steward',
  focal_point_id: '--focal-point',
  sensitivity_label: '--label',
  personal_data: '--personal-data',
  special_categories: '--special',
  data_subjects: '--subject',
  legal_basis: '--legal-basis',
  purpose: '--purpose',
  retention: '--retention',
  hosting_location: '--hosting',
  sharing_agreements: '--sharing',
  tags: '--tag',
  last_reviewed: '--last-reviewed',
  last_access_review: '--last-access-review',
  q: '--q',
  control_failing: '--control-failing',
  region_id: '--region',
  owner_id: '--owner',
  version: '--version',
  fields: '--field',
  mode: '--mode',
});

/** The people flags and the fields they set; the short words are also `push-ownership --field` values. */
export const PEOPLE_FLAGS: readonly { option: string; word: string; field: OwnershipField }[] = [
  { option: 'owner', word: 'owner', field: 'data_owner_id' },
  { option: 'custodian', word: 'custodian', field: 'data_custodian_id' },
  { option: 'steward', word: 'steward', field: 'data_steward_id' },
  { option: 'focalPoint', word: 'focal-point', field: 'focal_point_id' },
];

/** Free-text options, their flag and field. */
const TEXT_FLAGS = [
  ['description', '--description <text>', 'description'],
  ['legalBasis', '--legal-basis <text>', 'legal_basis'],
  ['purpose', '--purpose <text>', 'purpose'],
  ['retention', '--retention <text>', 'retention'],
  ['hosting', '--hosting <place>', 'hosting_location'],
  ['sharing', '--sharing <text>', 'sharing_agreements'],
  ['lastReviewed', '--last-reviewed <date>', 'last_reviewed'],
  ['lastAccessReview', '--last-access-review <date>', 'last_access_review'],
] as const;

/** What commander hands over: a string, or false for --no-<flag>; lists for repeatable flags. */
export interface AssetOptions {
  name?: string;
  type?: string;
  office?: string;
  department?: string | false;
  system?: string | false;
  owner?: string | false;
  custodian?: string | false;
  steward?: string | false;
  focalPoint?: string | false;
  label?: string | false;
  personalData?: string;
  special?: string[] | false;
  subject?: string[] | false;
  tag?: string[] | false;
  description?: string | false;
  legalBasis?: string | false;
  purpose?: string | false;
  retention?: string | false;
  hosting?: string | false;
  sharing?: string | false;
  lastReviewed?: string | false;
  lastAccessReview?: string | false;
  version?: string;
  json?: boolean;
}

/** The options `add` and `update` share; `update` also gets a --no-<flag> to clear each optional one. */
export function addAssetOptions(command: Command, update: boolean): Command {
  const option = (flag: string, help: string, clears: string | null, repeat = false) => {
    if (repeat) command.option(flag, help, collect);
    else command.option(flag, help);
    if (update && clears !== null)
      command.option(`--no-${flag.split(' ')[0]!.slice(2)}`, `clear the ${clears}`);
  };
  option('--department <code>', 'a department of its office', 'department');
  option('--system <id>', 'the system (an application or database asset) holding it', 'system');
  for (const { word } of PEOPLE_FLAGS)
    option(`--${word} <email>`, `the ${word.replace('-', ' ')}'s e-mail`, word.replace('-', ' '));
  option('--label <label>', `sensitivity label: ${SENSITIVITY_LABELS.join(', ')}`, 'sensitivity label');
  option('--personal-data <yes|no>', 'whether it holds personal data', null);
  option(
    '--special <category>',
    `special-category data, repeat: ${SPECIAL_CATEGORIES.join(', ')}`,
    'special categories',
    true,
  );
  option('--subject <subject>', `data subjects, repeat: ${DATA_SUBJECTS.join(', ')}`, 'data subjects', true);
  option('--tag <tag>', 'a tag, repeat for several', 'tags', true);
  for (const [, flag, field] of TEXT_FLAGS) {
    const what = field.replaceAll('_', ' ');
    option(flag, flag.includes('<date>') ? `${what} (YYYY-MM-DD)` : what, what);
  }
  return command;
}

/**
 * The schema fields the options give, codes and e-mails resolved to ids (in the caller's scope), for
 * FLAGS.parse with the API's schema. A flag left out gives undefined (no change), --no-<flag> null or [].
 * `office` is the asset's office after the command (departments are looked up in it).
 */
export async function assetFields(
  services: Services,
  ctx: RequestContext,
  options: AssetOptions,
  office: Pick<Office, 'id' | 'code'>,
): Promise<Record<string, unknown>> {
  const lookup = new OrgLookup(services, ctx);
  const fields: Record<string, unknown> = {
    name: options.name,
    asset_type: options.type,
    department_id: await resolve(
      options.department,
      async (code) => (await lookup.department(office, code, '--department')).id,
    ),
    system_id: options.system === false ? null : options.system,
    sensitivity_label: options.label === false ? null : options.label && labelArg(options.label, '--label'),
    personal_data:
      options.personalData === undefined ? undefined : yesNo(options.personalData, '--personal-data'),
    special_categories: listArg(options.special),
    data_subjects: listArg(options.subject),
    tags: listArg(options.tag),
  };
  for (const { option, word, field } of PEOPLE_FLAGS)
    fields[field] = await resolve(options[option as 'owner'], (email) =>
      personId(services, ctx, email, `--${word}`),
    );
  for (const [option, , field] of TEXT_FLAGS) {
    const value = options[option];
    fields[field] = value === false ? null : value;
  }
  return fields;
}

/** A person named by e-mail on the command line: not found names the flag. */
export async function personId(
  services: Services,
  ctx: RequestContext,
  email: string,
  flag: string,
): Promise<string> {
  const person = await services.people.findByEmail(ctx, email);
  if (!person) throw errors.unknownReference('person', email.trim(), flag);
  return person.id;
}

/** `--label confidential` finds "Confidential"; `unlabelled` only where `allowUnlabelled`. */
export function labelArg(value: string, flag: string, allowUnlabelled = false): string {
  const wanted = value.trim().toLowerCase().replaceAll(/[-_]+/g, ' ');
  const choices: readonly string[] = allowUnlabelled
    ? [...SENSITIVITY_LABELS, UNLABELLED]
    : SENSITIVITY_LABELS;
  const found = choices.find((label) => label.toLowerCase() === wanted);
  if (found) return found;
  throw errors.validation(`${flag}: use one of ${choices.join(', ')}`, [
    { path: flag, message: `unknown label "${value}"` },
  ]);
}

export function yesNo(value: string, flag: string): boolean {
  const answer = value.trim().toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  throw errors.validation(`${flag}: use yes or no`, [
    { path: flag, message: `"${value}" is neither yes nor no` },
  ]);
}

export const TYPES_HELP = ASSET_TYPES.join(', ');

/** The person's e-mail by id, for display ('' for none); each person is read once. */
export class PeopleNames {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(
    private readonly services: Services,
    private readonly ctx: RequestContext,
  ) {}

  email(id: string | null): Promise<string> {
    if (id === null) return Promise.resolve('');
    let found = this.cache.get(id);
    if (!found) {
      found = this.services.people.get(this.ctx, id).then(
        (person) => person.email,
        () => id,
      );
      this.cache.set(id, found);
    }
    return found;
  }

  owners(asset: Asset): Promise<string[]> {
    return Promise.all(PEOPLE_FLAGS.map(({ field }) => this.email(asset[field])));
  }
}

function listArg(value: string[] | false | undefined): string[] | undefined {
  return value === false ? [] : value;
}

async function resolve(
  value: string | false | undefined,
  find: (typed: string) => Promise<string>,
): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  if (value === false) return null;
  return find(value);
}
