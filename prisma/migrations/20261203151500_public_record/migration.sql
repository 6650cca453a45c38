-- CreateEnum
CREATE TYPE "PublicDocumentKind" AS ENUM ('POLICY', 'AGREEMENT_287G', 'STATEMENT');

-- CreateEnum
CREATE TYPE "Agreement287gModel" AS ENUM ('JAIL_ENFORCEMENT', 'WARRANT_SERVICE_OFFICER', 'TASK_FORCE');

-- CreateEnum
CREATE TYPE "Agreement287gStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'TERMINATED', 'NONE');

-- CreateTable
CREATE TABLE "PublicDocument" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "kind" "PublicDocumentKind" NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublicDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicDocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "translations" JSONB NOT NULL DEFAULT '{}',
    "effectiveOn" DATE,
    "nextReviewOn" DATE,
    "agreementModel" "Agreement287gModel",
    "agreementStatus" "Agreement287gStatus",
    "signedOn" DATE,
    "renewalOn" DATE,
    "designatedOfficers" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,

    CONSTRAINT "PublicDocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicDocument_agencyId_kind_idx" ON "PublicDocument"("agencyId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PublicDocument_agencyId_slug_key" ON "PublicDocument"("agencyId", "slug");

-- CreateIndex
CREATE INDEX "PublicDocumentVersion_agencyId_publishedAt_idx" ON "PublicDocumentVersion"("agencyId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublicDocumentVersion_documentId_version_key" ON "PublicDocumentVersion"("documentId", "version");

-- AddForeignKey
ALTER TABLE "PublicDocumentVersion" ADD CONSTRAINT "PublicDocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PublicDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
