-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'RETRYING', 'SENT', 'STORED', 'FAILED');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('EMAIL', 'IN_APP', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryOutcome" AS ENUM ('SENT', 'STORED', 'FAILED', 'INTERRUPTED');

-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('BACKUP', 'CHIEF', 'CONTACT_24X7');

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 10,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "agencyId" UUID,
    "toUserId" UUID,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locales" TEXT[],
    "subjectType" TEXT,
    "subjectId" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "agencyId" UUID,
    "channel" "DeliveryChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "DeliveryOutcome" NOT NULL,
    "error" TEXT,
    "mailMessageId" UUID,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationStep" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "recipientAgencyId" UUID NOT NULL,
    "originAgencyId" UUID,
    "step" INTEGER NOT NULL,
    "level" "EscalationLevel" NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "firedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EscalationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_status_lockedUntil_idx" ON "Job"("status", "lockedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_messageId_key" ON "MailMessage"("messageId");

-- CreateIndex
CREATE INDEX "MailMessage_agencyId_createdAt_idx" ON "MailMessage"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_subjectType_subjectId_idx" ON "MailMessage"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_subjectType_subjectId_at_idx" ON "DeliveryAttempt"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_mailMessageId_idx" ON "DeliveryAttempt"("mailMessageId");

-- CreateIndex
CREATE INDEX "EscalationStep_recipientAgencyId_firedAt_idx" ON "EscalationStep"("recipientAgencyId", "firedAt");

-- CreateIndex
CREATE INDEX "EscalationStep_originAgencyId_firedAt_idx" ON "EscalationStep"("originAgencyId", "firedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationStep_subjectType_subjectId_recipientAgencyId_step_key" ON "EscalationStep"("subjectType", "subjectId", "recipientAgencyId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_agencyId_idx" ON "CalendarFeedToken"("agencyId");
