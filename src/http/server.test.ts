import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../db/testing/dialects.js';
import type { Db } from '../db/database.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

describe('HTTP server', () => {
  let db: Db;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDb('sqlite');
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await t.app.close();
    await db.close();
  });

  it('answers /api/health without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: 'sqlite' });
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('refuses a body over the limit with 413 payload_too_large', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'BIG', name: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nope' } });
  });

  it('serves browsable API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('refuses a non-JSON body with 415', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: 'code=X',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });
});
