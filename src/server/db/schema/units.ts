import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Đơn vị hành chính: a version of an administrative unit, valid between two dates. */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    /** province | city | town | district | ward | township | commune */
    kind: text().notNull(),
    /** province | district | commune */
    level: text().notNull(),
    parentId: uuid().references((): never => adminUnits.id as never),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    /** Units this one was formed from (merger, split), as of validFrom. */
    predecessorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admin_units_key_valid_from_uq').on(t.key, t.validFrom),
    index('admin_units_parent_idx').on(t.parentId),
    index('admin_units_code_idx').on(t.code),
    index('admin_units_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Cơ quan: UBND tỉnh, Sở, UBND huyện/xã, Trung tâm Phục vụ hành chính công. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    name: text().notNull(),
    shortName: text().notNull(),
    kind: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => adminUnits.id),
    parentId: uuid().references((): never => agencies.id as never),
    /** Materialised path of ids, '/root/child/', for subtree scoping. */
    path: text().notNull(),
    /** Mã định danh điện tử (TT 10/2016/TT-BTTTT); prefixes dossier codes. */
    identifierCode: text().notNull().unique(),
    address: text(),
    phone: text(),
    /** Working hours override: [{ start: 'HH:MM', end: 'HH:MM' }]. */
    workingHours: jsonb().$type<{ start: string; end: string }[]>(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agencies_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('agencies_unit_idx').on(t.unitId),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
    index('agencies_short_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.shortName})) gin_trgm_ops`),
  ],
);

/** Phòng, ban inside an agency; the one-stop desk (Bộ phận Một cửa) is one of them. */
export const departments = pgTable(
  'departments',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    key: text().notNull(),
    name: text().notNull(),
    isOneStopDesk: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('departments_agency_key_uq').on(t.agencyId, t.key),
    // One Bộ phận Một cửa per agency: dossiers received by an agency land at exactly one desk.
    uniqueIndex('departments_one_stop_desk_uq').on(t.agencyId).where(sql`${t.isOneStopDesk}`),
  ],
);
