/**
 * The only reader of process.env. Configuration is validated with Zod at start-up; with no configuration the
 * system runs embedded (PGlite in ./data/db) and generates its secrets once into ./data/secrets.json.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PREPARE: booleanString.default(true),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  PAYMENT_GATEWAY_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanString.optional(),
  JOBS_ENABLED: booleanString.default(true),
  /** Share of the seed's dossier history the demo loads (1: all 89,672 dossiers; 0.1: a tenth, each figure too). */
  DEMO_HISTORY_SCALE: z.coerce.number().positive().max(1).default(1),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(500).default(20),
  SMTP_URL: z.string().optional(),
  SMS_GATEWAY_URL: z.url().optional(),
  TRUST_PROXY: booleanString.default(false),
});

export type RawEnv = z.infer<typeof EnvSchema>;

export interface AppConfig {
  nodeEnv: RawEnv['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl: string;
  /** PostgreSQL server URL; undefined means embedded PGlite under dataDir/db. */
  databaseUrl?: string;
  databasePoolSize: number;
  /** Prepare parameterised statements per connection (DATABASE_PREPARE; off behind a pooler that cannot keep them). */
  databasePrepare: boolean;
  dataDir: string;
  sessionSecret: string;
  paymentGatewaySecret: string;
  logLevel: RawEnv['LOG_LEVEL'];
  seedDemo: boolean;
  jobsEnabled: boolean;
  /** Share of the seed's dossier history the demo loads in the background (DEMO_HISTORY_SCALE). */
  demoHistoryScale: number;
  sessionTtlHours: number;
  maxUploadBytes: number;
  smtpUrl?: string;
  smsGatewayUrl?: string;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

interface EmbeddedSecrets {
  sessionSecret: string;
  paymentGatewaySecret: string;
}

/** Secrets for embedded mode, generated on first start and kept in the data directory. */
function loadEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: EmbeddedSecrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    paymentGatewaySecret: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  let sessionSecret = e.SESSION_SECRET;
  let paymentGatewaySecret = e.PAYMENT_GATEWAY_SECRET;
  if (isProduction) {
    const missing = [
      !sessionSecret && 'SESSION_SECRET',
      !paymentGatewaySecret && 'PAYMENT_GATEWAY_SECRET',
      !e.DATABASE_URL && 'DATABASE_URL',
      !e.PUBLIC_URL && 'PUBLIC_URL',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new ConfigError(`Production mode refuses to start without explicit settings: ${missing.join(', ')}`);
    }
  } else if (!sessionSecret || !paymentGatewaySecret) {
    const generated = loadEmbeddedSecrets(dataDir);
    sessionSecret ??= generated.sessionSecret;
    paymentGatewaySecret ??= generated.paymentGatewaySecret;
  }
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePrepare: e.DATABASE_PREPARE,
    dataDir,
    sessionSecret: sessionSecret!,
    paymentGatewaySecret: paymentGatewaySecret!,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ?? !isProduction,
    jobsEnabled: e.JOBS_ENABLED,
    demoHistoryScale: e.DEMO_HISTORY_SCALE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    smtpUrl: e.SMTP_URL,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    trustProxy: e.TRUST_PROXY,
  };
}

/** Test configuration: embedded, no disk secrets, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: 'test',
    isProduction: false,
    host: '127.0.0.1',
    port: 0,
    publicUrl: 'http://localhost:3000',
    databasePoolSize: 5,
    databasePrepare: true,
    dataDir: path.resolve('./data/test'),
    sessionSecret: 'test-session-secret-test-session-secret-0123456789',
    paymentGatewaySecret: 'test-payment-secret-0123456789',
    logLevel: 'silent',
    seedDemo: false,
    jobsEnabled: false,
    demoHistoryScale: 0.01,
    sessionTtlHours: 12,
    maxUploadBytes: 20 * 1024 * 1024,
    trustProxy: false,
    ...overrides,
  };
}

/** Values the test harness reads (kept here so no other file reads process.env). */
export function readTestEnv(source: Record<string, string | undefined> = process.env) {
  return { testDatabaseUrl: source.TEST_DATABASE_URL, ci: source.CI === 'true' || source.CI === '1' };
}
