// The public pages' reads, cached across requests. Each key carries the moment of the latest
// publication (two aggregate reads per request), so a publication shows on the next page view
// whatever the cache holds; the publish actions also call updateTag(PUBLIC_RECORD_TAG) so the
// superseded entries are dropped. The key carries this server's start too, so a cache left on
// disk by an earlier server (another database) is never served.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { db } from "@/lib/db/client";
import {
  agencyPublicRecord,
  participatingAgencies,
  publicationStamp,
  publicDocumentHistory,
} from "@/lib/public-record/public-read";
import { PUBLIC_RECORD_TAG } from "./cache-tag";

const BOOT = `${process.pid}-${Date.now()}`;
/** An hour at most even without a publication: agencies deactivated or renamed show within it. */
const options = { tags: [PUBLIC_RECORD_TAG], revalidate: 3600 };

const stamp = cache(() => publicationStamp(db()));

// unstable_cache keys each entry by its arguments: the stamp is an argument only for that.
const participating = unstable_cache(
  (stampKey: string) => {
    void stampKey;
    return participatingAgencies(db());
  },
  ["participating", BOOT],
  options,
);
const agencyRecord = unstable_cache(
  (slug: string, stampKey: string) => {
    void stampKey;
    return agencyPublicRecord(db(), slug);
  },
  ["agency-record", BOOT],
  options,
);
const documentHistory = unstable_cache(
  (slug: string, doc: string, stampKey: string) => {
    void stampKey;
    return publicDocumentHistory(db(), slug, doc);
  },
  ["document", BOOT],
  options,
);
/** Every participating agency's record: the overview's and the roll-up's figures. */
const allRecords = unstable_cache(
  async (stampKey: string) => {
    void stampKey;
    const agencies = await participatingAgencies(db());
    const records = await Promise.all(agencies.map((a) => agencyPublicRecord(db(), a.slug)));
    return records.filter((r) => r !== null);
  },
  ["all-records", BOOT],
  options,
);

export const cachedParticipating = async () => participating(await stamp());
export const cachedAgencyRecord = async (slug: string) => agencyRecord(slug, await stamp());
export const cachedDocument = async (slug: string, doc: string) => documentHistory(slug, doc, await stamp());
export const cachedAllRecords = async () => allRecords(await stamp());
