// What the simulated people saw: every page load, action and refresh with its time, every error,
// each filing's answer, when each notice's live event reached each open page, and how requests
// cut short by the kill -9 are told apart from errors.
import { performance } from "node:perf_hooks";
import { TransportError } from "./browser";

export type Filing = { operationId: string; agencyId: string; sentAt: number; answeredAt: number };

export class Recorder {
  /** Measurement window: samples outside it (sign-in, the drain at the end) are not counted. */
  measuring = false;
  /** When measuring started (performance.now()). */
  measureFrom = 0;
  pages = new Map<string, number[]>();
  actions = new Map<string, number[]>();
  refreshes: number[] = [];
  /** Every measured page load with when it finished (performance.now()), to see where the slow ones fall. */
  pageTimeline: { at: number; ms: number }[] = [];
  requests = 0;
  errors: string[] = [];
  /** Requests sent before the kill that never got an answer. */
  inFlightAtKill: string[] = [];
  /** Requests refused (connection refused or reset) while the server was down or starting. */
  refusedWhileDown = 0;
  filings: Filing[] = [];
  /** noticeId → arrival (performance.now()) on each open stream of its recipient agency. */
  noticeEvents = new Map<string, { agencyId: string; at: number }[]>();
  /** noticeId → when a page that refreshed because of it had its new content. */
  noticeRefreshes = new Map<string, { agencyId: string; at: number }[]>();
  killAt: number | null = null;
  upAgainAt: number | null = null;

  sample(map: Map<string, number[]>, key: string, ms: number) {
    if (!this.measuring) return;
    const list = map.get(key) ?? [];
    list.push(ms);
    map.set(key, list);
    if (map === this.pages) this.pageTimeline.push({ at: performance.now(), ms });
  }

  error(what: string) {
    if (this.errors.length < 10_000) this.errors.push(what);
  }

  /** Sorts a failed request: cut off by the kill, refused during the restart, or a real error. */
  transport(e: TransportError, what: string): "kill" | "down" | "error" {
    const now = performance.now();
    if (this.killAt !== null && e.startedAt < this.killAt && now >= this.killAt) {
      this.inFlightAtKill.push(`${what} (${e.code})`);
      return "kill";
    }
    // Down from the kill until the new process listens, plus the moment it takes pooled sockets
    // to notice the old process is gone.
    if (
      this.killAt !== null &&
      e.startedAt >= this.killAt &&
      (this.upAgainAt === null || e.startedAt < this.upAgainAt + 1_000)
    ) {
      this.refusedWhileDown++;
      return "down";
    }
    this.error(`${what}: ${e.code} ${e.message}`);
    return "error";
  }

  noticeEvent(noticeId: string, agencyId: string, at: number) {
    const list = this.noticeEvents.get(noticeId) ?? [];
    list.push({ agencyId, at });
    this.noticeEvents.set(noticeId, list);
  }

  noticeRefresh(noticeId: string, agencyId: string, at: number) {
    const list = this.noticeRefreshes.get(noticeId) ?? [];
    list.push({ agencyId, at });
    this.noticeRefreshes.set(noticeId, list);
  }
}
