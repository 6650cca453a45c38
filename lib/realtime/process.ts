// The process-wide LISTEN connection and live hub, created on first use and shared by the
// job worker and every open event stream (one database connection per app instance).
import { env } from "../env";
import { createLiveHub, type LiveHub } from "./hub";
import { createPgListener, type PgListener } from "./pg-listener";

const g = globalThis as unknown as { __cgListener?: PgListener; __cgLiveHub?: LiveHub };

export function processListener(): PgListener {
  g.__cgListener ??= createPgListener(env().DATABASE_URL);
  return g.__cgListener;
}

/** The process-wide LISTEN connection if something in this process has opened it; never opens one. */
export function existingProcessListener(): PgListener | null {
  return g.__cgListener ?? null;
}

export function processLiveHub(): LiveHub {
  g.__cgLiveHub ??= createLiveHub(processListener());
  return g.__cgLiveHub;
}
