-- CreateEnum
CREATE TYPE "FederalRequestKind" AS ENUM ('JUDICIAL_WARRANT', 'ADMINISTRATIVE_WARRANT', 'DETAINER', 'RELEASE_NOTIFICATION', 'CUSTODY_TRANSFER', 'CUSTODIAL_INTERVIEW', 'INFORMATION_REQUEST', 'OPERATIONAL_ASSISTANCE', 'COURTHOUSE_ASSISTANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('PORTAL', 'FAX', 'EMAIL', 'PHONE', 'IN_PERSON', 'NCIC_HIT');

-- CreateEnum
CREATE TYPE "LegalBasisDocument" AS ENUM ('JUDICIAL_ARREST_WARRANT', 'JUDICIAL_SEARCH_WARRANT', 'COURT_ORDER', 'I200_ADMINISTRATIVE_WARRANT', 'I205_ADMINISTRATIVE_WARRANT', 'I247A_DETAINER', 'SUBPOENA', 'NONE', 'OTHER');

-- CreateEnum
CREATE TYPE "OffenceCategory" AS ENUM ('VIOLENT_FELONY', 'OTHER_FELONY', 'MISDEMEANOR', 'CIVIL_IMMIGRATION_ONLY', 'NATIONAL_SECURITY', 'NONE_STATED');

-- CreateEnum
CREATE TYPE "RequestDecision" AS ENUM ('COMPLIED', 'DECLINED', 'PARTIALLY_COMPLIED', 'REFERRED_TO_COUNSEL', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "RequestRuleSource" AS ENUM ('STATE_LAW', 'ORDINANCE', 'AGENCY_POLICY');

-- CreateTable
CREATE TABLE "FederalRequest" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "agencyId" UUID NOT NULL,
    "requesterAgencyId" UUID,
    "requesterName" TEXT,
    "kind" "FederalRequestKind" NOT NULL,
    "channel" "RequestChannel" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "basisDocument" "LegalBasisDocument" NOT NULL,
    "basisSignedByJudge" BOOLEAN NOT NULL,
    "basisCourt" TEXT,
    "offenceCategory" "OffenceCategory" NOT NULL,
    "localReference" TEXT,
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "decision" "RequestDecision",
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decidedByName" TEXT,
    "decisionRuleId" UUID,
    "decisionBasis" TEXT,
    "decisionReason" TEXT,
    "departure" BOOLEAN NOT NULL DEFAULT false,
    "departureJustification" TEXT,
    "directedAtDecision" JSONB,
    "counselNotified" BOOLEAN,
    "counselNotifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FederalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestRule" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kinds" "FederalRequestKind"[],
    "condition" TEXT NOT NULL,
    "directive" TEXT NOT NULL,
    "source" "RequestRuleSource" NOT NULL,
    "citation" TEXT NOT NULL,
    "presetKey" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RequestRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestCommandDesignation" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "designatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RequestCommandDesignation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestReport" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "periodKind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "figures" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RequestReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FederalRequest_ref_key" ON "FederalRequest"("ref");

-- CreateIndex
CREATE INDEX "FederalRequest_agencyId_decision_dueAt_idx" ON "FederalRequest"("agencyId", "decision", "dueAt");

-- CreateIndex
CREATE INDEX "FederalRequest_agencyId_receivedAt_idx" ON "FederalRequest"("agencyId", "receivedAt");

-- CreateIndex
CREATE INDEX "FederalRequest_requesterAgencyId_receivedAt_idx" ON "FederalRequest"("requesterAgencyId", "receivedAt");

-- CreateIndex
CREATE INDEX "RequestRule_agencyId_active_idx" ON "RequestRule"("agencyId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "RequestCommandDesignation_userId_key" ON "RequestCommandDesignation"("userId");

-- CreateIndex
CREATE INDEX "RequestCommandDesignation_agencyId_idx" ON "RequestCommandDesignation"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestReport_agencyId_periodKind_year_quarter_key" ON "RequestReport"("agencyId", "periodKind", "year", "quarter");
