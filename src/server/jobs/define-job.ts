/**
 * Job definitions: one per kind, each with a versioned payload schema. Definitions register themselves when their
 * module is imported (src/server/jobs/index.ts imports the built-in ones), so enqueueing an unknown kind fails fast.
 */
import type { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import type { AppConfig } from '../env';

export interface JobContext {
  database: Database;
  config: AppConfig;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
  job: { id: number; kind: string; attempt: number; maxAttempts: number };
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Current payload version; rows written with an older version go through `upgrade` first. */
  version: number;
  payload: S;
  /**
   * Handlers may run more than once for one job (a lease can expire while a crashed instance held it), so they
   * must be idempotent; they open their own transactions.
   */
  handler(ctx: JobContext, payload: z.output<S>): Promise<void>;
  /** Turns a payload stored with an older version into the current shape. */
  upgrade?(payload: unknown, fromVersion: number): unknown;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
}

const registry = new Map<string, JobDefinition>();

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(definition.kind)) throw new Error(`Invalid job kind "${definition.kind}"`);
  if (!Number.isInteger(definition.version) || definition.version < 1) throw new Error(`Job ${definition.kind}: version must be a positive integer`);
  const existing = registry.get(definition.kind);
  if (existing && existing !== (definition as unknown as JobDefinition)) throw new Error(`Job kind "${definition.kind}" is defined twice`);
  registry.set(definition.kind, definition as unknown as JobDefinition);
  return definition;
}

export function findJobDefinition(kind: string): JobDefinition | undefined {
  return registry.get(kind);
}

export function getJobDefinition(kind: string): JobDefinition {
  const definition = registry.get(kind);
  if (!definition) throw new Error(`Unknown job kind "${kind}": define it with defineJob and import it in src/server/jobs/index.ts`);
  return definition;
}

export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}
