import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../src/core/permissions.js';

/** A write through the API as the session of `request` (its cookies), with the session's CSRF token. */
export async function apiPost(request: APIRequestContext, baseUrl: string, path: string, data: object) {
  const me = (await (await request.get(`${baseUrl}/api/me`)).json()) as { csrf_token: string };
  const response = await request.post(`${baseUrl}${path}`, {
    data,
    headers: { 'x-csrf-token': me.csrf_token },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

/** A user given a first password by an administrator, who must replace it at the first sign-in. */
export interface NewUser {
  email: string;
  name: string;
  /** The first password, given by the administrator. */
  first: string;
  /** The password the user chooses instead. */
  password: string;
}

/** Create the user through the API as the (administrator's) session of `request`. */
export async function createUserThroughApi(
  request: APIRequestContext,
  baseUrl: string,
  user: NewUser,
  role: Role,
): Promise<void> {
  await apiPost(request, baseUrl, '/api/users', {
    email: user.email,
    display_name: user.name,
    role,
    password: user.first,
  });
}

/** Sign the session of `request` in with the user's first password, then replace it as the user must. */
export async function signInReplacingFirstPassword(
  request: APIRequestContext,
  baseUrl: string,
  user: NewUser,
): Promise<void> {
  const login = await request.post(`${baseUrl}/api/auth/login`, {
    data: { email: user.email, password: user.first },
  });
  expect(login.status()).toBe(200);
  await apiPost(request, baseUrl, '/api/auth/password', {
    current_password: user.first,
    new_password: user.password,
  });
}
