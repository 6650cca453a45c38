// Which requests count as the person doing something, for the 30-minute idle lock. A page load,
// a form submission and a server action do; the live-update stream, the background refresh it
// triggers, prefetches and any polling do not, so a page left open still locks. Navigations
// inside the app (router fetches, indistinguishable here from background refreshes) are
// reported by the page itself through /api/session/activity.
type HeaderReader = { get(name: string): string | null };

export function isPersonActivity(headers: HeaderReader): boolean {
  // A server action: a button pressed or a form submitted, with or without JavaScript.
  if (headers.get("next-action")) return true;
  // The client router's own fetches: refreshes, prefetches and in-app navigations.
  if (headers.get("rsc") !== null || headers.get("next-router-prefetch") !== null) return false;
  const mode = headers.get("sec-fetch-mode");
  if (mode) return mode === "navigate";
  // A browser without Fetch Metadata: a page load asks for HTML, an EventSource or fetch does not.
  return (headers.get("accept") ?? "").includes("text/html");
}
