// The public pages' reads, cached across requests and dropped the moment anything is published
// (the publish actions call updateTag(PUBLIC_RECORD_TAG)). The key carries this server's start, so
// a cache left on disk by an earlier server (another database) is never served.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import { agencyPublicRecord, participatingAgencies, publicDocumentHistory } from "@/lib/public-record/public-read";
import { PUBLIC_RECORD_TAG } from "./cache-tag";

const BOOT = `${process.pid}-${Date.now()}`;
/** An hour at most even without a publication: agencies deactivated or renamed show within it. */
const options = { tags: [PUBLIC_RECORD_TAG], revalidate: 3600 };

export const cachedParticipating = unstable_cache(() => participatingAgencies(db()), ["participating", BOOT], options);
export const cachedAgencyRecord = unstable_cache((slug: string) => agencyPublicRecord(db(), slug), ["agency-record", BOOT], options);
export const cachedDocument = unstable_cache((slug: string, doc: string) => publicDocumentHistory(db(), slug, doc), ["document", BOOT], options);
/** Every participating agency's record: the overview's and the roll-up's figures. */
export const cachedAllRecords = unstable_cache(
  async () => {
    const agencies = await participatingAgencies(db());
    const records = await Promise.all(agencies.map((a) => agencyPublicRecord(db(), a.slug)));
    return records.filter((r) => r !== null);
  },
  ["all-records", BOOT],
  options,
);
