-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN     "resolvedByAgencyId" UUID,
ADD COLUMN     "whereLat" DOUBLE PRECISION,
ADD COLUMN     "whereLon" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Operation" ADD COLUMN     "searchBox" box,
ADD COLUMN     "searchRange" tstzrange;

-- CreateIndex
CREATE INDEX "Operation_searchRange_searchBox_idx" ON "Operation" USING GIST ("searchRange", "searchBox");
