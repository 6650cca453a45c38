// The simulated people. Each has a browser (its own connections and session cookie) with the
// live-event stream an open page keeps, and acts through the pages and server actions the
// browser would use, with a person's pauses between steps:
//   liaisons open the filing form, fill it in (the form's conflict preview runs), file, look at
//            the operation, and now and then edit one of their own;
//   chiefs   read the inbox and open, then acknowledge, the notices addressed to their agency
//            (a conflict's notice is its supervisors' to acknowledge, with the conflict);
//   supervisors read the conflicts page, open a conflict, acknowledge it for their side, propose
//            an outcome, or confirm the other side's proposal.
// Pages that refresh themselves on live events do so (router.refresh(): the page again as a flight
// payload), and the header's counts are re-read, as the browser's own code does.
import { performance } from "node:perf_hooks";
import { Browser, openLiveStream, TransportError, type LiveStream, type Reply } from "./browser";
import type { ActionIds } from "./actions";
import type { Recorder } from "./recorder";
import type { SimUser } from "./world";
import { nextRefreshDelay } from "@/lib/realtime/refresh-pacing";

export type Shared = {
  ids: ActionIds;
  rec: Recorder;
  /** Until when people keep acting (performance.now()). */
  until: number;
  /** Notices some simulated chief has taken on: two people never act on the same one at once. */
  claimedNotices: Set<string>;
  conflicts: Map<string, ConflictState>;
  random: () => number;
  /** Set while the server is down: people who got no answer wait, then carry on. */
  down: () => boolean;
};

export type ConflictState = { acked: Set<string>; proposedBy: string | null; done: boolean; busy: boolean };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const linksTo = (html: string, base: string) => [
  ...new Set([...html.matchAll(new RegExp(`href="${base}/(${UUID})"`, "g"))].map((m) => m[1])),
];

/** What a page keeps current by itself (its LiveRefresh types), by path. */
function refreshTypes(path: string): string[] {
  if (path === "/") return ["notice", "acknowledgment", "reply", "conflict", "request", "escalation", "operation"];
  if (path === "/inbox") return ["notice", "reply", "acknowledgment", "escalation"];
  if (path.startsWith("/notices/")) return ["notice", "reply", "acknowledgment", "escalation", "conflict"];
  if (path === "/conflicts") return ["conflict", "acknowledgment"];
  if (path.startsWith("/conflicts/")) return ["conflict", "acknowledgment", "notice"];
  return [];
}
const NAV_TYPES = ["notice", "acknowledgment", "conflict", "request", "escalation"];

/** The Chicago area, where the agencies with boundaries are: filings land around these places. */
const PLACES: [number, number][] = [
  [-87.6298, 41.8781], // the Loop
  [-87.665, 41.875], // Near West Side
  [-87.7, 41.96], // Albany Park
  [-87.62, 41.79], // Hyde Park
  [-87.75, 41.85], // Cicero
  [-87.8, 41.7], // Oak Lawn
  [-88.15, 41.77], // Naperville
  [-88.0, 41.88], // Lombard
  [-88.32, 41.76], // Aurora
  [-88.08, 41.53], // Joliet
  [-88.28, 42.04], // Elgin
  [-87.84, 42.36], // Waukegan
  [-88.19, 42.24], // McHenry
  [-87.86, 41.12], // Kankakee
  [-88.43, 41.64], // Yorkville
  [-87.68, 42.05], // Evanston
];

export abstract class Person {
  readonly browser: Browser;
  protected path = "/";
  private stream: LiveStream | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  /** When this page last refreshed itself (0: not since it was opened). */
  private lastRefreshAt = 0;
  private navTimer: NodeJS.Timeout | null = null;
  private pendingNotices: string[] = [];

  constructor(
    readonly user: SimUser,
    protected readonly s: Shared,
    baseUrl: string,
  ) {
    this.browser = new Browser(baseUrl);
  }

  protected rand(min: number, max: number) {
    return min + this.s.random() * (max - min);
  }

  protected think(minS: number, maxS: number) {
    const ms = this.rand(minS, maxS) * 1000;
    return new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, this.s.until - performance.now() + 10))));
  }

  protected get over() {
    return performance.now() >= this.s.until;
  }

  /** Opens the page's live-event stream (an open page keeps one for as long as it is open). */
  openStream() {
    this.stream = openLiveStream(this.browser, (e, at) => this.onEvent(e, at));
  }

  private onEvent(e: { type: string; id?: string }, at: number) {
    if (e.type === "notice" && e.id) {
      this.s.rec.noticeEvent(e.id, this.user.agencyId, at);
      this.pendingNotices.push(e.id);
    }
    if (this.over) return;
    if (refreshTypes(this.path).includes(e.type)) {
      // LiveRefresh: 100–300 ms after the first event (plus its random spread), then at most one refresh per interval while
      // events keep coming (lib/realtime/refresh-pacing.ts).
      if (this.refreshTimer) return;
      const debounce = this.path === "/conflicts" || this.path.startsWith("/conflicts/") ? 300 : 100;
      const delay = nextRefreshDelay(this.lastRefreshAt, performance.now(), debounce, this.s.random());
      this.refreshTimer = setTimeout(() => void this.liveRefresh(), delay);
    } else if (NAV_TYPES.includes(e.type) && !this.navTimer) {
      this.navTimer = setTimeout(() => {
        this.navTimer = null;
        void this.call("nav-counts", () => this.browser.request("GET", "/api/nav-counts", { Accept: "*/*" }));
      }, 1_500);
    }
  }

  private async liveRefresh() {
    this.refreshTimer = null;
    this.lastRefreshAt = performance.now();
    const notices = this.pendingNotices;
    this.pendingNotices = [];
    const path = this.path;
    const r = await this.call("refresh", () => this.browser.refresh(`${path}?_rsc=`));
    if (r?.status === 200) {
      this.s.rec.refreshes.push(r.ms);
      const at = performance.now();
      for (const id of notices) this.s.rec.noticeRefresh(id, this.user.agencyId, at);
    } else if (r) this.s.rec.error(`refresh ${path}: ${r.status}`);
  }

  /** One request; a failure is sorted (kill, restart window, error) and answered with null. */
  protected async call(what: string, fn: () => Promise<Reply>): Promise<Reply | null> {
    this.s.rec.requests++;
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      this.s.rec.transport(e, what);
      return null;
    }
  }

  /** A full page load; its time counts for the page's type. Null when it failed. */
  protected async page(path: string, type: string): Promise<Reply | null> {
    this.pendingNotices = [];
    this.path = path;
    this.lastRefreshAt = 0; // a newly opened page's LiveRefresh has not refreshed yet
    const r = await this.call(`GET ${type}`, () => this.browser.page(path));
    if (!r) return null;
    if (r.status !== 200) {
      this.s.rec.error(`GET ${path}: ${r.status}`);
      return null;
    }
    this.s.rec.sample(this.s.rec.pages, type, r.ms);
    return r;
  }

  /** A server action; ok:false or a non-200 answer is an error. */
  protected async action<T>(name: string, args: unknown[]): Promise<{ ok: boolean; data?: T } | null> {
    const id = this.s.ids[name as keyof ActionIds];
    this.s.rec.requests++;
    try {
      const { reply, result } = await this.browser.action<{ ok: boolean; data?: T; formError?: string }>(
        this.path,
        id,
        args,
      );
      if (reply.status !== 200 || !result?.ok) {
        this.s.rec.error(
          `${name}: ${reply.status} ${result ? JSON.stringify(result).slice(0, 200) : reply.body.slice(0, 120)}`,
        );
        return null;
      }
      this.s.rec.sample(this.s.rec.actions, name, reply.ms);
      return result;
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      this.s.rec.transport(e, name);
      return null;
    }
  }

  /** After a failure: a person sees the error page, waits, and carries on once the server answers. */
  protected async recover() {
    await this.think(2, 5);
    while (this.s.down() && !this.over) await this.think(1, 2);
  }

  abstract loop(): Promise<void>;

  async run() {
    while (!this.over) {
      try {
        await this.loop();
      } catch (e) {
        this.s.rec.error(`${this.user.role} loop: ${e instanceof Error ? e.message : String(e)}`);
        await this.recover();
      }
    }
  }

  close() {
    this.stream?.close();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.navTimer) clearTimeout(this.navTimer);
    this.browser.close();
  }
}

const HOUR = 3_600_000;
const TYPES = ["ARREST_WARRANT", "SEARCH_WARRANT", "SURVEILLANCE", "FUGITIVE_APPREHENSION", "ENFORCEMENT_ACTION"];

export class Liaison extends Person {
  private own: { id: string; version: number }[] = [];
  private n = 0;

  private filingInput() {
    const [lon, lat] = PLACES[Math.floor(this.s.random() * PLACES.length)];
    // Within about 2 km of the place; two to five days ahead (past every host's notice lead time).
    const start = Math.ceil(Date.now() / HOUR) * HOUR + Math.floor(this.rand(50, 120)) * HOUR;
    const hours = Math.floor(this.rand(2, 6));
    return {
      type: TYPES[Math.floor(this.s.random() * TYPES.length)],
      title: `Load test operation ${this.user.agencySlug} ${++this.n}`,
      area: {
        kind: "CIRCLE",
        center: [+(lon + this.rand(-0.02, 0.02)).toFixed(5), +(lat + this.rand(-0.015, 0.015)).toFixed(5)],
        radiusM: Math.floor(this.rand(200, 600)),
      },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + hours * HOUR).toISOString(),
      leadAgencyName: this.user.agencySlug,
      commanderName: "Sgt. Load Tester",
      commanderPhone: "+1 312-555-0199",
      commsPlan: "Agency tactical 1; interop on ISPERN.",
      personnelCount: Math.floor(this.rand(4, 20)),
      riskFlags: this.s.random() < 0.3 ? ["VEHICLES"] : [],
      notes: "",
      status: "PLANNED",
    };
  }

  async loop() {
    if (!(await this.page("/", "dashboard"))) return this.recover();
    await this.think(5, 15);
    if (this.own.length > 0 && this.s.random() < 0.35) return this.edit();
    if (this.s.random() < 0.3) {
      if (!(await this.page("/operations", "operations list"))) return this.recover();
      await this.think(5, 10);
    }
    return this.file();
  }

  private async file() {
    if (!(await this.page("/operations/new", "new operation form"))) return this.recover();
    await this.think(15, 35);
    const input = this.filingInput();
    // The form's live preview, once the area and times are in.
    if (!(await this.action("previewConflicts", [input]))) return this.recover();
    await this.think(5, 12);
    const sentAt = performance.now();
    const filed = await this.action<{ id: string }>("fileOperation", [input]);
    if (!filed?.data) return this.recover();
    const answeredAt = performance.now();
    this.s.rec.filings.push({ operationId: filed.data.id, agencyId: this.user.agencyId, sentAt, answeredAt });
    this.own.push({ id: filed.data.id, version: 1 });
    if (!(await this.page(`/operations/${filed.data.id}`, "operation"))) return this.recover();
    await this.think(10, 25);
  }

  private async edit() {
    const op = this.own[Math.floor(this.s.random() * this.own.length)];
    if (!(await this.page(`/operations/${op.id}/edit`, "edit operation form"))) return this.recover();
    await this.think(10, 25);
    const changes = {
      personnelCount: Math.floor(this.rand(4, 20)),
      notes: `Staffing revised (${op.version + 1}).`,
      version: op.version,
    };
    const saved = await this.action("updateOperation", [op.id, changes]);
    if (!saved) {
      // Whether it was saved is unknown (or it failed): this liaison leaves that operation alone.
      this.own = this.own.filter((o) => o !== op);
      return this.recover();
    }
    op.version++;
    if (!(await this.page(`/operations/${op.id}`, "operation"))) return this.recover();
    await this.think(10, 20);
  }
}

export class Chief extends Person {
  async loop() {
    const inbox = await this.page("/inbox", "inbox");
    if (!inbox) return this.recover();
    await this.think(5, 15);
    const id = linksTo(inbox.body, "/notices").find((n) => !this.s.claimedNotices.has(n));
    if (!id) return;
    this.s.claimedNotices.add(id);
    const notice = await this.page(`/notices/${id}`, "notice");
    if (!notice) return this.recover();
    await this.think(5, 15);
    // A notice about a conflict is acknowledged with the conflict, by a supervisor.
    if (new RegExp(`href="/conflicts/${UUID}"`).test(notice.body)) return;
    if (!(await this.action("acknowledgeNotice", [{ id }]))) return this.recover();
    await this.think(2, 6);
  }
}

export class Supervisor extends Person {
  async loop() {
    const list = await this.page("/conflicts", "conflicts");
    if (!list) return this.recover();
    await this.think(5, 15);
    const me = this.user.agencyId;
    let step: "acknowledgeConflict" | "proposeOutcome" | "confirmOutcome" | null = null;
    let id: string | undefined;
    for (const c of linksTo(list.body, "/conflicts")) {
      const st = this.s.conflicts.get(c) ?? { acked: new Set(), proposedBy: null, done: false, busy: false };
      this.s.conflicts.set(c, st);
      if (st.busy || st.done) continue;
      step = !st.acked.has(me)
        ? "acknowledgeConflict"
        : !st.proposedBy
          ? "proposeOutcome"
          : st.proposedBy !== me
            ? "confirmOutcome"
            : null;
      if (step) {
        id = c;
        break;
      }
    }
    if (!id || !step) return;
    const st = this.s.conflicts.get(id)!;
    st.busy = true;
    try {
      if (!(await this.page(`/conflicts/${id}`, "conflict"))) return this.recover();
      await this.think(8, 20);
      const args =
        step === "proposeOutcome"
          ? [{ id, outcome: "PROCEED_SEPARATELY", note: "Different blocks; both commanders briefed." }]
          : [{ id }];
      if (!(await this.action(step, args))) return this.recover();
      if (step === "acknowledgeConflict") st.acked.add(me);
      if (step === "proposeOutcome") st.proposedBy = me;
      if (step === "confirmOutcome") st.done = true;
    } finally {
      st.busy = false;
    }
    await this.think(2, 6);
  }
}

export function personFor(user: SimUser, s: Shared, baseUrl: string): Person {
  if (user.role === "LIAISON") return new Liaison(user, s, baseUrl);
  if (user.role === "CHIEF") return new Chief(user, s, baseUrl);
  return new Supervisor(user, s, baseUrl);
}
