// The public record's Atom feed (RFC 4287): one entry per published document version and per
// published report, newest first. Text is escaped, never passed through as markup.
export type FeedEntry = {
  type: "document" | "report";
  agency: { slug: string; name: string };
  title: string | null;
  summary: string | null;
  version: number | null;
  slug: string | null;
  period: string | null;
  publishedAt: string;
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function atomFeed(o: {
  baseUrl: string;
  title: string;
  entries: FeedEntry[];
  reportTitle: (e: FeedEntry) => string;
  versionTitle: (e: FeedEntry) => string;
  updatedFallback: string;
}): string {
  const base = o.baseUrl.replace(/\/$/, "");
  const updated = o.entries[0]?.publishedAt ?? o.updatedFallback;
  const entries = o.entries.map((e) => {
    const path =
      e.type === "document"
        ? `/transparency/${e.agency.slug}/documents/${e.slug}?v=${e.version}`
        : `/transparency/${e.agency.slug}/reports/${e.period}.json`;
    const id =
      e.type === "document"
        ? `${base}/transparency/${e.agency.slug}/documents/${e.slug}/v${e.version}`
        : `${base}/transparency/${e.agency.slug}/reports/${e.period}`;
    const title = e.type === "document" ? o.versionTitle(e) : o.reportTitle(e);
    return [
      "  <entry>",
      `    <id>${esc(id)}</id>`,
      `    <title>${esc(title)}</title>`,
      `    <updated>${esc(e.publishedAt)}</updated>`,
      `    <published>${esc(e.publishedAt)}</published>`,
      `    <author><name>${esc(e.agency.name)}</name></author>`,
      `    <link rel="alternate" href="${esc(base + path)}"/>`,
      e.summary ? `    <summary>${esc(e.summary)}</summary>` : null,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${esc(base)}/transparency</id>`,
    `  <title>${esc(o.title)}</title>`,
    `  <updated>${esc(updated)}</updated>`,
    `  <link rel="self" href="${esc(base)}/transparency/feed.xml"/>`,
    `  <link rel="alternate" href="${esc(base)}/transparency"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
