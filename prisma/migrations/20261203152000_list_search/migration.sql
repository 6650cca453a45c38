-- Trigram indexes serve the lists' substring search over titles and references.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "replyUnread" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- Existing notices: the title they were sent with.
UPDATE "Notice" SET "title" = COALESCE("content" #>> '{operation,title}', '');

-- Replies the sending agency has not seen: the recipient wrote after the sender's last word.
UPDATE "Notice" n SET "replyUnread" = true
WHERE EXISTS (
  SELECT 1 FROM "NoticeMessage" m
  WHERE m."threadId" = n."threadId" AND m."authorAgencyId" = n."recipientAgencyId"
    AND m."kind" NOT IN ('ACKNOWLEDGED', 'ASSISTANCE_ACCEPTED', 'ASSISTANCE_DECLINED')
    AND m."createdAt" > COALESCE((SELECT max(s."createdAt") FROM "NoticeMessage" s WHERE s."threadId" = n."threadId" AND s."authorAgencyId" = n."senderAgencyId"), '-infinity')
);

-- CreateIndex
CREATE INDEX "Notice_recipientAgencyId_sentAt_id_idx" ON "Notice"("recipientAgencyId", "sentAt", "id");

-- CreateIndex
CREATE INDEX "Notice_senderAgencyId_sentAt_id_idx" ON "Notice"("senderAgencyId", "sentAt", "id");

-- CreateIndex
CREATE INDEX "Notice_title_idx" ON "Notice" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Notice_ref_idx" ON "Notice" USING GIN ("ref" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Operation_title_idx" ON "Operation" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Operation_ref_idx" ON "Operation" USING GIN ("ref" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_seq_idx" ON "AuditEvent"("agencyId", "seq");
