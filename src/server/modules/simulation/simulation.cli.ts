/**
 * `motcua seed simulate` (simulated dossier history), `motcua stats verify` (rollups against a recomputation from the
 * raw dossiers; exit 1 on any difference) and `motcua stats rebuild`. Called from src/cli/run-cli.ts.
 */
import { parseArgs } from 'node:util';
import { systemActor } from '../../auth/actor';
import type { Database } from '../../db/client';
import type { AppConfig } from '../../env';
import { fileStorageFor } from '../files/file-storage';
import { storeFile } from '../files/store-file';
import { rebuildStatistics, verifyStatistics } from '../statistics/rebuild-statistics';
import { SEED_HISTORY, seedHistoryOptions, seedRatePerDay } from './seed-simulated-history';
import { simulateDossiers } from './simulate-dossiers';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** Thrown for wrong arguments (exit code 2). */
export class SimulationUsageError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SAMPLE_SCAN = Buffer.from('%PDF-1.4\n% MotCua: bản chụp mẫu cho hồ sơ mô phỏng\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'utf8');

export async function runSimulationCommand(command: string, args: string[], database: Database, config: AppConfig, io: CommandIo): Promise<number> {
  switch (command) {
    case 'seed simulate': {
      const { values } = parseArgs({
        args,
        options: { from: { type: 'string' }, to: { type: 'string' }, scale: { type: 'string' }, 'per-day': { type: 'string' }, seed: { type: 'string' } },
        strict: true,
      });
      const from = values.from ?? SEED_HISTORY.from;
      const to = values.to ?? SEED_HISTORY.to;
      if (!DATE.test(from) || !DATE.test(to)) throw new SimulationUsageError('--from và --to có dạng YYYY-MM-DD / --from and --to are YYYY-MM-DD dates');
      const scale = values.scale === undefined || values.scale === 'full' ? 1 : Number(values.scale);
      if (!Number.isFinite(scale) || scale <= 0) throw new SimulationUsageError('--scale là full hoặc một số dương / --scale is full or a positive number');
      // The seed's own range, rate and seed: a history that reproduces the seed's figures (at the scale) exactly.
      const seedPlan = from === SEED_HISTORY.from && to === SEED_HISTORY.to && values['per-day'] === undefined && values.seed === undefined ? await seedHistoryOptions(database.db, scale) : null;
      const perDay = seedPlan?.perDay ?? (values['per-day'] !== undefined ? Number(values['per-day']) : await seedRatePerDay(database.db, scale));
      if (!Number.isFinite(perDay) || perDay <= 0) throw new SimulationUsageError('--per-day là một số dương / --per-day is a positive number');
      const seed = seedPlan?.seed ?? (values.seed !== undefined ? Number(values.seed) : 20_210_618);
      // Online documents point to one stored sample scan, so they download like any upload.
      const sample = await database.db.transaction((tx) => storeFile(tx, systemActor('Mô phỏng lịch sử hồ sơ'), fileStorageFor(config), { content: SAMPLE_SCAN, fileName: 'ban-chup-mau.pdf', maxBytes: 1_000_000 }));
      io.out(`Mô phỏng / simulating ${from} → ${to}, ${perDay.toFixed(1)} hồ sơ/ngày làm việc / dossiers per working day, seed ${seed}`);
      const result = await simulateDossiers(database, {
        from,
        to,
        perDay,
        seed,
        targets: seedPlan?.targets,
        sampleFileId: sample.id,
        chunkSize: database.kind === 'postgres' ? 5_000 : 2_000,
        onProgress: (p) => io.out(`  ${p.day}  ${p.dossiers.toLocaleString('vi-VN')} hồ sơ, ${p.actions.toLocaleString('vi-VN')} thao tác, ${p.seconds.toFixed(0)} s`),
      });
      io.out(
        `Đã nạp / loaded ${result.dossiers.toLocaleString('vi-VN')} hồ sơ (${Object.entries(result.byChannel)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}), ${result.actions.toLocaleString('vi-VN')} thao tác, ${result.rows.toLocaleString('vi-VN')} dòng trong ${result.seconds.toFixed(1)} s ` +
          `(${Math.round(result.dossiers / Math.max(result.seconds, 0.001))} hồ sơ/s)`,
      );
      if (result.planned) {
        const p = result.planned;
        io.out(`Kế hoạch / plan to ${SEED_HISTORY.to}: tiếp nhận ${p.received.toLocaleString('vi-VN')}, giải quyết ${p.resolved.toLocaleString('vi-VN')}, đúng hạn ${p.resolvedOnTime.toLocaleString('vi-VN')}, quá hạn còn lại ${p.overdueAtEnd}`);
      }
      return 0;
    }
    case 'stats verify': {
      const started = Date.now();
      const report = await verifyStatistics(database);
      io.out(`Đã đối chiếu / checked ${report.dossiers.toLocaleString('vi-VN')} hồ sơ, ${report.dailyRows.toLocaleString('vi-VN')} dòng theo ngày, ${report.checkpoints} mốc tháng (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (report.differences === 0) {
        io.out('Số liệu tổng hợp khớp với dữ liệu gốc / the rollups match the raw dossiers');
        return 0;
      }
      io.err(`Có ${report.differences} chênh lệch / differences (bảng, ngày, cơ quan, thủ tục, kênh: lưu trữ → tính lại):`);
      for (const d of report.sample) {
        const measures = Object.entries(d.measures).map(([m, [stored, recomputed]]) => `${m} ${stored} → ${recomputed}`);
        io.err(`  ${d.table} ${d.at} ${d.agencyId} ${d.procedureId} ${d.channel}: ${measures.join('; ')}`);
      }
      io.err('Chạy / run `motcua stats rebuild` để tính lại / to recompute them.');
      return 1;
    }
    case 'stats rebuild': {
      const started = Date.now();
      const result = await rebuildStatistics(database);
      io.out(`Đã tính lại / rebuilt: ${result.dailyRows.toLocaleString('vi-VN')} dòng theo ngày, ${result.monthlyRows.toLocaleString('vi-VN')} dòng theo tháng, ${result.checkpoints} mốc (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return 0;
    }
    default:
      throw new SimulationUsageError(`unknown command ${command}`);
  }
}
