import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { readDirectory } from './directory.js';

const read = (csv: string) => readDirectory(Buffer.from(csv, 'utf8'));

async function refusal(csv: string): Promise<{ message: string; issues: unknown[] }> {
  try {
    await read(csv);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { message: error.message, issues: (error.details as { issues?: unknown[] }).issues ?? [] };
  }
  throw new Error('accepted');
}

describe('reading the staff directory export', () => {
  it('maps normalised user ids to department and office', async () => {
    const directory = await read(
      'User,Department,Office\nCORP\\JDoe,Supply Chain,Nairobi\nana@example.org,Finance,\n',
    );
    expect([...directory]).toEqual([
      ['jdoe', { department: 'Supply Chain', office: 'Nairobi' }],
      ['ana@example.org', { department: 'Finance', office: null }],
    ]);
  });

  it('finds the columns by common names, with semicolons and a BOM', async () => {
    const directory = await read('\ufeffUserPrincipalName;Dept;Duty Station\njdoe@example.org;HR;Geneva\n');
    expect(directory.get('jdoe@example.org')).toEqual({ department: 'HR', office: 'Geneva' });
  });

  it('accepts a directory with only an office column', async () => {
    expect((await read('login,site\njdoe,Bangkok\n')).get('jdoe')).toEqual({
      department: null,
      office: 'Bangkok',
    });
  });

  it('skips rows without a user and accepts exact repeats', async () => {
    const directory = await read('user,department\n,Finance\njdoe,HR\nJDOE,HR\n');
    expect([...directory.keys()]).toEqual(['jdoe']);
  });

  it('refuses a user listed twice with different departments, naming the rows', async () => {
    const { message, issues } = await refusal('user,department\njdoe,HR\nana,Finance\nJDoe,Finance\n');
    expect(message).toMatch(/1 problem/);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 4,
        message: 'the user of row 2 again, with another department or office',
      }),
    ]);
  });

  it('refuses a file without a user column or without department and office', async () => {
    expect((await refusal('name,department\njdoe,HR\n')).message).toMatch(/needs a user column/);
    expect((await refusal('user,phone\njdoe,123\n')).message).toMatch(
      /a department or office column; found user, phone/,
    );
  });
});
