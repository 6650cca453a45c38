-- AlterEnum
ALTER TYPE "EscalationLevel" ADD VALUE 'SUPERVISOR';

-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "afterActionDueAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "AfterActionAccount" (
    "operationId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "whyNoNotice" TEXT NOT NULL,
    "phoneContacts" JSONB NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "filedById" UUID,
    "filedByName" TEXT NOT NULL,

    CONSTRAINT "AfterActionAccount_pkey" PRIMARY KEY ("operationId")
);

-- CreateTable
CREATE TABLE "FilingDefaults" (
    "userId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "commanderName" TEXT,
    "commanderPhone" TEXT,
    "commsPlan" TEXT,
    "radioChannel" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FilingDefaults_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "AfterActionAccount_agencyId_filedAt_idx" ON "AfterActionAccount"("agencyId", "filedAt");
