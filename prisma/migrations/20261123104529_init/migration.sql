-- CreateEnum
CREATE TYPE "AgencyLevel" AS ENUM ('FEDERAL', 'STATE', 'LOCAL', 'TRIBAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LIAISON', 'SUPERVISOR', 'CHIEF', 'AGENCY_ADMIN', 'AUDITOR');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- CreateEnum
CREATE TYPE "OperationType" AS ENUM ('ARREST_WARRANT', 'SEARCH_WARRANT', 'SURVEILLANCE', 'UNDERCOVER', 'FUGITIVE_APPREHENSION', 'ENFORCEMENT_ACTION', 'CROWD_EVENT', 'TRAINING', 'OTHER');

-- CreateEnum
CREATE TYPE "OperationStatus" AS ENUM ('DRAFT', 'PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('CIRCLE', 'POLYGON');

-- CreateEnum
CREATE TYPE "ConflictStatus" AS ENUM ('OPEN', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConflictOutcome" AS ENUM ('PROCEED_SEPARATELY', 'JOINT_OPERATION', 'RESCHEDULED', 'CANCELLED', 'NOT_A_CONFLICT');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "level" "AgencyLevel" NOT NULL,
    "kind" TEXT NOT NULL,
    "boundary" JSONB,
    "bboxMinLon" DOUBLE PRECISION,
    "bboxMinLat" DOUBLE PRECISION,
    "bboxMaxLon" DOUBLE PRECISION,
    "bboxMaxLat" DOUBLE PRECISION,
    "timeZone" TEXT NOT NULL,
    "phone24x7" TEXT NOT NULL,
    "email" TEXT,
    "backupContactName" TEXT,
    "backupContactPhone" TEXT,
    "backupContactEmail" TEXT,
    "languages" TEXT[] DEFAULT ARRAY['en']::TEXT[],
    "noticeLeadHours" INTEGER NOT NULL DEFAULT 24,
    "proximityBufferM" INTEGER NOT NULL DEFAULT 500,
    "timeBufferMinutes" INTEGER NOT NULL DEFAULT 60,
    "ackWindowMinutes" INTEGER NOT NULL DEFAULT 30,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "totpSecret" TEXT,
    "totpPendingSecret" TEXT,
    "mfaEnrolledAt" TIMESTAMPTZ(3),
    "lastTotpStep" INTEGER,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "sourceIp" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorUserId" UUID,
    "actorLabel" TEXT,
    "agencyId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "requestId" TEXT,
    "sourceIp" TEXT,
    "details" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Operation" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "agencyId" UUID NOT NULL,
    "type" "OperationType" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "OperationStatus" NOT NULL DEFAULT 'DRAFT',
    "areaKind" "AreaKind" NOT NULL,
    "centerLat" DOUBLE PRECISION,
    "centerLon" DOUBLE PRECISION,
    "radiusM" DOUBLE PRECISION,
    "polygon" JSONB,
    "bboxMinLon" DOUBLE PRECISION NOT NULL,
    "bboxMinLat" DOUBLE PRECISION NOT NULL,
    "bboxMaxLon" DOUBLE PRECISION NOT NULL,
    "bboxMaxLat" DOUBLE PRECISION NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "leadAgencyName" TEXT NOT NULL,
    "commanderName" TEXT NOT NULL,
    "commanderPhone" TEXT NOT NULL,
    "commsPlan" TEXT NOT NULL,
    "radioChannel" TEXT,
    "talkgroup" TEXT,
    "interopChannel" TEXT,
    "personnelCount" INTEGER NOT NULL,
    "riskFlags" TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "exigent" BOOLEAN NOT NULL DEFAULT false,
    "exigentReason" TEXT,
    "exigentText" TEXT,
    "exigentSignOff" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationChange" (
    "id" UUID NOT NULL,
    "operationId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "byUserId" UUID,
    "kinds" TEXT[],
    "before" JSONB,
    "after" JSONB NOT NULL,

    CONSTRAINT "OperationChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conflict" (
    "id" UUID NOT NULL,
    "opAId" UUID NOT NULL,
    "opBId" UUID NOT NULL,
    "agencyAId" UUID NOT NULL,
    "agencyBId" UUID NOT NULL,
    "status" "ConflictStatus" NOT NULL DEFAULT 'OPEN',
    "severity" "Severity" NOT NULL,
    "minDistanceM" DOUBLE PRECISION NOT NULL,
    "overlapMinutes" DOUBLE PRECISION NOT NULL,
    "areasIntersect" BOOLEAN NOT NULL,
    "containment" TEXT NOT NULL,
    "overlapStart" TIMESTAMPTZ(3),
    "overlapEnd" TIMESTAMPTZ(3),
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "ackAById" UUID,
    "ackAAt" TIMESTAMPTZ(3),
    "ackBById" UUID,
    "ackBAt" TIMESTAMPTZ(3),
    "outcome" "ConflictOutcome",
    "outcomeNote" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "closedReason" TEXT,

    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_slug_key" ON "Agency"("slug");

-- CreateIndex
CREATE INDEX "Agency_level_idx" ON "Agency"("level");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_at_idx" ON "AuditEvent"("agencyId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_agencyId_idx" ON "ApiToken"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Operation_ref_key" ON "Operation"("ref");

-- CreateIndex
CREATE INDEX "Operation_agencyId_startsAt_idx" ON "Operation"("agencyId", "startsAt");

-- CreateIndex
CREATE INDEX "Operation_status_idx" ON "Operation"("status");

-- CreateIndex
CREATE INDEX "OperationChange_operationId_at_idx" ON "OperationChange"("operationId", "at");

-- CreateIndex
CREATE INDEX "Conflict_agencyAId_status_idx" ON "Conflict"("agencyAId", "status");

-- CreateIndex
CREATE INDEX "Conflict_agencyBId_status_idx" ON "Conflict"("agencyBId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Conflict_opAId_opBId_key" ON "Conflict"("opAId", "opBId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operation" ADD CONSTRAINT "Operation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationChange" ADD CONSTRAINT "OperationChange_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "Operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
