/*
  Warnings:

  - A unique constraint covering the columns `[agencyId,presetKey,presetRuleKey]` on the table `RequestRule` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "RequestRule" ADD COLUMN     "presetRuleKey" TEXT;

-- Rules adopted before this column existed: name the preset rule each was copied from (matched
-- on its kinds, which are distinct within a preset), the earliest copy only when a preset was
-- adopted twice, so adopting again adds only what is missing.
UPDATE "RequestRule" r SET "presetRuleKey" = v.k
FROM (VALUES
  ('ilTrustAct', ARRAY['DETAINER']::"FederalRequestKind"[], 'detainerJudicial'),
  ('ilTrustAct', ARRAY['ADMINISTRATIVE_WARRANT', 'CUSTODY_TRANSFER']::"FederalRequestKind"[], 'adminWarrant'),
  ('ilTrustAct', ARRAY['RELEASE_NOTIFICATION', 'INFORMATION_REQUEST']::"FederalRequestKind"[], 'releaseDates'),
  ('ilTrustAct', ARRAY['CUSTODIAL_INTERVIEW']::"FederalRequestKind"[], 'interviewCounsel'),
  ('ilTrustAct', ARRAY['COURTHOUSE_ASSISTANCE']::"FederalRequestKind"[], 'courthouse'),
  ('ilTrustAct', ARRAY['JUDICIAL_WARRANT']::"FederalRequestKind"[], 'judicialComplies'),
  ('caSb54', ARRAY['DETAINER']::"FederalRequestKind"[], 'detainerJudicial'),
  ('caSb54', ARRAY['RELEASE_NOTIFICATION']::"FederalRequestKind"[], 'releaseDates'),
  ('caSb54', ARRAY['ADMINISTRATIVE_WARRANT', 'CUSTODY_TRANSFER']::"FederalRequestKind"[], 'adminWarrant'),
  ('caSb54', ARRAY['CUSTODIAL_INTERVIEW']::"FederalRequestKind"[], 'interviewCounsel'),
  ('caSb54', ARRAY['OPERATIONAL_ASSISTANCE']::"FederalRequestKind"[], 'operational'),
  ('caSb54', ARRAY['JUDICIAL_WARRANT']::"FederalRequestKind"[], 'judicialComplies'),
  ('jail287g', ARRAY['DETAINER']::"FederalRequestKind"[], 'detainerHonoured'),
  ('jail287g', ARRAY['CUSTODY_TRANSFER', 'ADMINISTRATIVE_WARRANT']::"FederalRequestKind"[], 'transferHonoured'),
  ('jail287g', ARRAY['COURTHOUSE_ASSISTANCE', 'OPERATIONAL_ASSISTANCE']::"FederalRequestKind"[], 'courthouse'),
  ('jail287g', ARRAY['JUDICIAL_WARRANT']::"FederalRequestKind"[], 'judicialComplies')
) AS v(p, kinds, k)
WHERE r."presetKey" = v.p AND r.kinds = v.kinds
  AND r.id IN (
    SELECT DISTINCT ON (x."agencyId", x."presetKey", x.kinds) x.id FROM "RequestRule" x
    WHERE x."presetKey" IS NOT NULL ORDER BY x."agencyId", x."presetKey", x.kinds, x."createdAt", x.id
  );

-- CreateIndex
CREATE UNIQUE INDEX "RequestRule_agencyId_presetKey_presetRuleKey_key" ON "RequestRule"("agencyId", "presetKey", "presetRuleKey");
