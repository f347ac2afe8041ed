import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.js';
import { simpleXlsx } from '../../core/tabular/testing/files.js';
import { readAccessListing } from './access-listing.js';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('reading a permission listing', () => {
  it('reads the four columns and the wordings of sharing reports', async () => {
    const rows = await readAccessListing(
      csv(
        'Resource,Principal,Principal type,Access level\n' +
          '/sites/hr/staff.xlsx,amina@example.org,User,Edit\n' +
          '/sites/hr/staff.xlsx,Everyone except external users,Everyone except external users,Read\n' +
          '/sites/hr/staff.xlsx,https://tenant/share/x,Anyone with the link,View\n' +
          '/sites/hr/staff.xlsx,HR team,SharePoint group,Full Control\n' +
          '/sites/hr/staff.xlsx,partner@ngo.example,Guest,Read\n',
      ),
    );
    expect(rows.map((r) => r.principal_type)).toEqual([
      'user',
      'everyone',
      'anonymous_link',
      'group',
      'guest',
    ]);
    expect(rows[0]).toEqual({
      resource: '/sites/hr/staff.xlsx',
      principal: 'amina@example.org',
      principal_type: 'user',
      access_level: 'Edit',
    });
  });

  it('reads XLSX listings too', async () => {
    const file = await simpleXlsx([
      ['resource', 'principal', 'principal_type', 'access_level'],
      ['db.public.people', 'PUBLIC', 'everyone', 'SELECT'],
    ]);
    expect(await readAccessListing(file)).toEqual([
      {
        resource: 'db.public.people',
        principal: 'PUBLIC',
        principal_type: 'everyone',
        access_level: 'SELECT',
      },
    ]);
  });

  it('refuses a listing with unknown principal types or missing columns, listing every problem', async () => {
    const error = (await readAccessListing(
      csv('resource,principal,principal_type\n/a,amina,robot\n/b,,user\n'),
    ).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('import_invalid');
    const messages = (error.details as { issues: { message: string }[] }).issues.map((i) => i.message);
    expect(messages).toEqual([
      'Required column "access_level" is missing',
      expect.stringMatching(/"robot" is not one of: user, group, guest, external, everyone, anonymous_link/),
      'principal is required',
    ]);
  });
});
