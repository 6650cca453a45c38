-- CreateEnum
CREATE TYPE "ActionLinkAction" AS ENUM ('ACKNOWLEDGE', 'CALL_REQUEST');

-- CreateTable
CREATE TABLE "ActionLink" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "action" "ActionLinkAction" NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "mailMessageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ActionLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ActionLink_tokenHash_key" ON "ActionLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ActionLink_subjectType_subjectId_idx" ON "ActionLink"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "ActionLink_userId_idx" ON "ActionLink"("userId");
