-- CreateEnum
CREATE TYPE "AreaPrecision" AS ENUM ('EXACT', 'GENERALIZED');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('ADVANCE', 'UPDATE', 'CANCELLATION', 'EXIGENT_AFTER_ACTION', 'ASSISTANCE_REQUEST', 'CONFLICT');

-- CreateEnum
CREATE TYPE "AssistanceDecision" AS ENUM ('ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "addedNoticeAgencyIds" UUID[],
ADD COLUMN     "areaPrecision" "AreaPrecision" NOT NULL DEFAULT 'EXACT',
ADD COLUMN     "exigentSignedOffAt" TIMESTAMPTZ(3),
ADD COLUMN     "impactCrowding" TEXT,
ADD COLUMN     "impactRoadClosures" TEXT,
ADD COLUMN     "impactSchools" TEXT,
ADD COLUMN     "pioEmail" TEXT,
ADD COLUMN     "pioName" TEXT,
ADD COLUMN     "pioPhone" TEXT,
ADD COLUMN     "publicStatementEn" TEXT,
ADD COLUMN     "publicStatementEs" TEXT;

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "threadId" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "operationId" UUID NOT NULL,
    "conflictId" UUID,
    "senderAgencyId" UUID NOT NULL,
    "recipientAgencyId" UUID NOT NULL,
    "reasons" TEXT[],
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "sentByUserId" UUID,
    "sentByLabel" TEXT,
    "operationVersion" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "content" JSONB NOT NULL,
    "leadMinutes" INTEGER NOT NULL,
    "requiredLeadHours" INTEGER NOT NULL,
    "late" BOOLEAN NOT NULL,
    "exigent" BOOLEAN NOT NULL DEFAULT false,
    "requiresAck" BOOLEAN NOT NULL DEFAULT true,
    "supersededAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "readById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "acknowledgedByName" TEXT,
    "assistanceKinds" TEXT[],
    "assistanceDecision" "AssistanceDecision",
    "assistanceReason" TEXT,
    "assistanceDecidedAt" TIMESTAMPTZ(3),
    "assistanceDecidedById" UUID,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeMessage" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "authorAgencyId" UUID NOT NULL,
    "authorUserId" UUID,
    "authorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NoticeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_ref_key" ON "Notice"("ref");

-- CreateIndex
CREATE INDEX "Notice_recipientAgencyId_supersededAt_startsAt_idx" ON "Notice"("recipientAgencyId", "supersededAt", "startsAt");

-- CreateIndex
CREATE INDEX "Notice_senderAgencyId_sentAt_idx" ON "Notice"("senderAgencyId", "sentAt");

-- CreateIndex
CREATE INDEX "Notice_threadId_sentAt_idx" ON "Notice"("threadId", "sentAt");

-- CreateIndex
CREATE INDEX "Notice_operationId_idx" ON "Notice"("operationId");

-- CreateIndex
CREATE INDEX "NoticeMessage_threadId_createdAt_idx" ON "NoticeMessage"("threadId", "createdAt");

-- AddForeignKey
ALTER TABLE "NoticeMessage" ADD CONSTRAINT "NoticeMessage_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
