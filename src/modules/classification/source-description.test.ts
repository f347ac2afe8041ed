import { describe, expect, it } from 'vitest';
import { databaseKind, redactDatabaseUrl } from './source-description.js';

describe('database URLs as stored and shown', () => {
  it.each([
    ['postgres://scanner:s3cret@db.example.org:5432/cases', 'postgres://scanner@db.example.org:5432/cases'],
    [
      'postgresql://db.example.org/cases?password=s3cret&sslmode=require',
      'postgresql://db.example.org/cases',
    ],
    ['mysql://root:p%40ss@10.0.0.5/registration', 'mysql://root@10.0.0.5/registration'],
    ['mariadb://reader@host', 'mariadb://reader@host'],
    ['postgres://user:pw@host/db?sslkey=/etc/key.pem', 'postgres://user@host/db'],
  ])('%s → %s', (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
    expect(redactDatabaseUrl(url)).not.toMatch(/s3cret|p%40ss|pw@|key\.pem/);
  });

  it('refuses what is not a URL with a validation error', () => {
    expect(() => redactDatabaseUrl('not a url')).toThrow(/database_url/);
  });

  it.each([
    ['postgres://h/db', 'postgres'],
    ['postgresql://h/db', 'postgres'],
    ['mysql://h/db', 'mysql'],
    ['mariadb://h/db', 'mysql'],
  ] as const)('%s is read as %s', (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });
});
