/**
 * One process's part of a bench load split over several processes (bench/simulated-database.ts): loads the simulated
 * dossiers arriving in its months into the database and reports its counts to the parent.
 * Arguments (JSON): { url, from, to, emitFrom, emitTo, perDay, seed, horizon, dossiersOnly }.
 */
import { openDatabase } from '../src/server/db/client';
import { simulateDossiers } from '../src/server/modules/simulation/simulate-dossiers';

interface PartArgs {
  url: string;
  from: string;
  to: string;
  emitFrom: string;
  emitTo: string;
  perDay: number;
  seed: number;
  horizon: string;
  dossiersOnly: boolean;
}

const args = JSON.parse(process.argv[2]!) as PartArgs;
const database = await openDatabase({ databaseUrl: args.url, poolSize: 2 });
try {
  const result = await simulateDossiers(database, {
    from: args.from,
    to: args.to,
    emitFrom: args.emitFrom,
    emitTo: args.emitTo,
    perDay: args.perDay,
    seed: args.seed,
    horizon: new Date(args.horizon),
    chunkSize: 5_000,
    dossiersOnly: args.dossiersOnly,
    part: true,
    onProgress: (p) => {
      if (p.dossiers % 250_000 < 5_000) console.log(`  [${args.emitFrom} → ${args.emitTo}] ${p.day}: ${p.dossiers.toLocaleString('en')} dossiers, ${p.seconds.toFixed(0)} s`);
    },
  });
  process.send?.(result);
} finally {
  await database.close();
}
