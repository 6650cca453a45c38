/*
  Warnings:

  - A unique constraint covering the columns `[subjectType,subjectId,recipientAgencyId,round,step]` on the table `EscalationStep` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "EscalationStep_subjectType_subjectId_recipientAgencyId_step_key";

-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN     "openings" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "EscalationStep" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "EscalationStep_subjectType_subjectId_recipientAgencyId_roun_key" ON "EscalationStep"("subjectType", "subjectId", "recipientAgencyId", "round", "step");
