import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database on port 8080', () => {
    const config = loadConfig({}, { CUSTOS_CONFIG: '/nonexistent.yaml' });
    expect(config.db).toBe('sqlite:./data/custos.db');
    expect(config.port).toBe(8080);
  });

  it('takes the environment, and flags over the environment', () => {
    const env = { CUSTOS_CONFIG: '/nonexistent.yaml', CUSTOS_DB: 'postgres://x@h/db', PORT: '9000' };
    expect(loadConfig({}, env)).toMatchObject({ db: 'postgres://x@h/db', port: 9000 });
    expect(loadConfig({ port: '7000' }, env).port).toBe(7000);
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({}, { CUSTOS_CONFIG: '/nonexistent.yaml', PORT: 'eighty' })).toThrow(/port/);
    expect(() =>
      loadConfig({}, { CUSTOS_CONFIG: '/nonexistent.yaml', CUSTOS_ADMIN_PASSWORD: 'short' }),
    ).toThrow(/adminPassword/);
  });
});
