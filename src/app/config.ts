import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { ROLES } from '../core/permissions.js';

const configSchema = z.object({
  db: z.string().default('sqlite:./data/custos.db'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('0.0.0.0'),
  blobDir: z.string().default('./data/blobs'),
  /** Secure cookies need HTTPS; `auto` marks them Secure when the request came over HTTPS (or a trusted proxy says so). */
  secureCookies: z.enum(['auto', 'always', 'never']).default('auto'),
  /**
   * Which peers may set X-Forwarded-For/-Proto: `loopback` (a proxy on the same host), a comma list of
   * addresses or CIDRs, `true` (any: only behind a proxy that overwrites the header) or `false`.
   * The per-address sign-in limit keys on the resulting address, so trusting too much lets it be dodged.
   */
  trustProxy: z
    .union([z.boolean(), z.string()])
    .default('loopback')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v)),
  sessionHours: z.coerce.number().positive().default(12),
  bodyLimitBytes: z.coerce.number().int().positive().default(1_048_576),
  uploadLimitBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1_048_576),
  /** Largest file stored in the file store (assessment evidence and other attachments). */
  fileLimitBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1_048_576),
  login: z
    .object({
      maxFailures: z.coerce.number().int().positive().default(5),
      lockMinutes: z.coerce.number().positive().default(15),
      perIpPerMinute: z.coerce.number().int().positive().default(20),
    })
    .default({ maxFailures: 5, lockMinutes: 15, perIpPerMinute: 20 }),
  oidc: z
    .object({
      issuer: z.string().url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      redirectUri: z.string().url(),
      /** Role given to a first-time OIDC user; admins adjust it afterwards. */
      defaultRole: z.enum(ROLES).default('viewer'),
      label: z.string().default('Microsoft Entra ID'),
    })
    .optional(),
  adminEmail: z.string().email().optional(),
  adminPassword: z.string().min(12).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  webDist: z.string().default('./web/dist'),
  /**
   * The secret key AI usage logs are pseudonymised with (HMAC-SHA-256; CUSTOS_USAGE_KEY). Kept out of
   * the database; without it nothing is ingested. Changing it starts a new series of pseudonyms.
   */
  usageKey: z
    .string()
    .refine((key) => Buffer.byteLength(key, 'utf8') >= 32, 'at least 32 characters (openssl rand -hex 32)')
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Configuration from an optional custos.config.yaml (or CUSTOS_CONFIG), then environment
 * variables, then explicit overrides (CLI flags), validated once here.
 */
export function loadConfig(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  env = process.env,
): Config {
  const file = env.CUSTOS_CONFIG ?? 'custos.config.yaml';
  const fromFile = fs.existsSync(file)
    ? (YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const oidcFromEnv = env.CUSTOS_OIDC_ISSUER
    ? {
        issuer: env.CUSTOS_OIDC_ISSUER,
        clientId: env.CUSTOS_OIDC_CLIENT_ID,
        clientSecret: env.CUSTOS_OIDC_CLIENT_SECRET,
        redirectUri: env.CUSTOS_OIDC_REDIRECT_URI,
        defaultRole: env.CUSTOS_OIDC_DEFAULT_ROLE,
        label: env.CUSTOS_OIDC_LABEL,
      }
    : undefined;
  const fromEnv = dropUndefined({
    db: env.CUSTOS_DB,
    port: env.PORT,
    host: env.HOST,
    blobDir: env.CUSTOS_BLOB_DIR,
    secureCookies: env.CUSTOS_SECURE_COOKIES,
    trustProxy: env.CUSTOS_TRUST_PROXY,
    adminEmail: env.CUSTOS_ADMIN_EMAIL,
    adminPassword: env.CUSTOS_ADMIN_PASSWORD,
    logLevel: env.LOG_LEVEL,
    usageKey: env.CUSTOS_USAGE_KEY || undefined,
    fileLimitBytes: env.CUSTOS_FILE_LIMIT_BYTES,
    oidc: oidcFromEnv && dropUndefined(oidcFromEnv),
  });
  const result = configSchema.safeParse({ ...fromFile, ...fromEnv, ...dropUndefined(overrides) });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration (${path.resolve(file)} / environment): ${problems}`);
  }
  return result.data;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
