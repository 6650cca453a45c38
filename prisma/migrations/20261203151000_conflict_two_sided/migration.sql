-- CreateEnum
CREATE TYPE "ConflictEventKind" AS ENUM ('ACKNOWLEDGED', 'PROPOSED', 'CONFIRMED', 'CONTESTED', 'REOPENED');

-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN     "ackAByName" TEXT,
ADD COLUMN     "ackBByName" TEXT,
ADD COLUMN     "proposedAt" TIMESTAMPTZ(3),
ADD COLUMN     "proposedByAgencyId" UUID,
ADD COLUMN     "proposedById" UUID,
ADD COLUMN     "proposedByName" TEXT,
ADD COLUMN     "proposedNote" TEXT,
ADD COLUMN     "proposedOutcome" "ConflictOutcome",
ADD COLUMN     "resolvedByName" TEXT;

-- CreateTable
CREATE TABLE "ConflictEvent" (
    "id" UUID NOT NULL,
    "conflictId" UUID NOT NULL,
    "kind" "ConflictEventKind" NOT NULL,
    "agencyId" UUID NOT NULL,
    "byId" UUID,
    "byName" TEXT NOT NULL,
    "outcome" "ConflictOutcome",
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConflictEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConflictEvent_conflictId_at_idx" ON "ConflictEvent"("conflictId", "at");

-- AddForeignKey
ALTER TABLE "ConflictEvent" ADD CONSTRAINT "ConflictEvent_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict"("id") ON DELETE CASCADE ON UPDATE CASCADE;
