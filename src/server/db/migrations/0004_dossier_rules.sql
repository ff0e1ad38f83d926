-- The dossier action log is the record: once written, an action is never changed or removed.
CREATE OR REPLACE FUNCTION dossier_actions_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_actions is append-only (% refused)', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_actions_append_only
  BEFORE UPDATE OR DELETE ON dossier_actions
  FOR EACH ROW EXECUTE FUNCTION dossier_actions_append_only();
--> statement-breakpoint
-- Dossier code patterns, chosen by receipt date. TT 01/2018/TT-VPCP: <agency identifier>-<YYMMDD>-<NNNN>.
-- NĐ 118/2025 Điều 28 keeps the structure (agency identifier, receipt date, the day's sequence number); the exact
-- layout of TT 03/2025/TT-VPCP was not verified, so the 2025 row repeats it and is meant to be edited if it differs.
INSERT INTO dossier_code_patterns (id, valid_from, valid_to, pattern, note) VALUES
  ('tt01_2018', '2018-01-01', '2025-06-30', '{agency}-{yy}{mm}{dd}-{seq:4}', 'TT 01/2018/TT-VPCP Điều 19 (nguồn thứ cấp)'),
  ('nd118_2025', '2025-07-01', NULL, '{agency}-{yy}{mm}{dd}-{seq:4}', 'NĐ 118/2025/NĐ-CP Điều 28; mẫu chi tiết theo TT 03/2025/TT-VPCP chưa được đối chiếu, sửa nếu khác')
ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- Processing rules per regime. NĐ 118/2025 values are from the decree (Điều 11.2c, 17.2, 19.5, 19.6); the NĐ 61/2018
-- row repeats them except the 15-day closure, which that decree did not have (UNVERIFIED: edit to the province's practice).
INSERT INTO dossier_rule_sets (id, valid_from, valid_to, rules, note) VALUES
  ('nd61_2018', '2018-06-21', '2025-06-30',
   '{"supplementRule":"restart","supplementWindowWorkingDays":3,"maxSupplementRequestsPerStage":1,"closeAfterSupplementDays":null,"onlineAlertHours":2,"onlineAcceptWorkingHours":8,"dueSoonWorkingDays":1,"statisticsAgainst":"original","apologyDaysBeforeDue":1,"maxExtensions":1}',
   'NĐ 61/2018/NĐ-CP (UNVERIFIED: giá trị mặc định, điều chỉnh theo thực tiễn của tỉnh)'),
  ('nd118_2025', '2025-07-01', NULL,
   '{"supplementRule":"restart","supplementWindowWorkingDays":3,"maxSupplementRequestsPerStage":1,"closeAfterSupplementDays":15,"onlineAlertHours":2,"onlineAcceptWorkingHours":8,"dueSoonWorkingDays":1,"statisticsAgainst":"original","apologyDaysBeforeDue":1,"maxExtensions":1}',
   'NĐ 118/2025/NĐ-CP Điều 11.2c, 17.2, 19.5, 19.6')
ON CONFLICT (id) DO NOTHING;
