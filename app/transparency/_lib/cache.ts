// The public pages' reads, remembered in this process until the public record changes: every
// process forgets them when the database announces a publication (lib/public-record/public-cache.ts),
// so a page view after warm-up reads nothing from the database, and a publication shows on the
// next view. An address naming no participating agency (or no published document of one) is not
// found without a database read and without an entry of its own.
import { listAnchors, type PublishedAnchor } from "@/lib/audit/anchor";
import { db } from "@/lib/db/client";
import { processPublicCache } from "@/lib/public-record/public-cache";
import {
  agencyPublicRecord,
  participatingAgencies,
  periodLabel,
  publicDocumentHistory,
  publishedReportExport,
  recentPublications,
} from "@/lib/public-record/public-read";
import type { Period } from "@/lib/requests/reports";

type Participating = Awaited<ReturnType<typeof participatingAgencies>>;
type AgencyRecord = NonNullable<Awaited<ReturnType<typeof agencyPublicRecord>>>;
type DocumentHistory = Awaited<ReturnType<typeof publicDocumentHistory>>;
type ReportExport = Awaited<ReturnType<typeof publishedReportExport>>;
type Publications = Awaited<ReturnType<typeof recentPublications>>;

/** A few entries per participating agency, its documents and reports: far below the cap. */
const reads = () => processPublicCache<unknown>("public-record-reads", 5_000);
const through = <T>(key: string, load: () => Promise<T>) => reads().through(key, load) as Promise<T>;

export const cachedParticipating = () => through<Participating>("participating", () => participatingAgencies(db()));

async function participates(slug: string): Promise<boolean> {
  return (await cachedParticipating()).some((a) => a.slug === slug);
}

export async function cachedAgencyRecord(slug: string): Promise<AgencyRecord | null> {
  if (!(await participates(slug))) return null;
  return through(`agency\n${slug}`, () => agencyPublicRecord(db(), slug));
}

export async function cachedDocument(slug: string, doc: string): Promise<DocumentHistory> {
  const record = await cachedAgencyRecord(slug);
  if (!record?.documents.some((d) => d.slug === doc)) return null;
  return through(`document\n${slug}\n${doc}`, () => publicDocumentHistory(db(), slug, doc));
}

/** Every participating agency's record: the overview's and the roll-up's figures. */
export async function cachedAllRecords(): Promise<AgencyRecord[]> {
  const agencies = await cachedParticipating();
  const records = await Promise.all(agencies.map((a) => cachedAgencyRecord(a.slug)));
  return records.filter((r) => r !== null);
}

export async function cachedReportExport(slug: string, period: Period): Promise<ReportExport> {
  const record = await cachedAgencyRecord(slug);
  const label = periodLabel(period);
  if (!record?.reports.some((r) => r.period === label)) return null;
  return through(`report\n${slug}\n${label}`, () => publishedReportExport(db(), slug, period));
}

export const cachedPublications = (limit: number) =>
  through<Publications>(`publications\n${limit}`, () => recentPublications(db(), limit));

export const cachedAnchors = () => through<PublishedAnchor[]>("anchors", () => listAnchors(db()));
