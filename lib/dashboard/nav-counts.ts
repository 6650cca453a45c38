// The counts beside the navigation: unread notices in the inbox, open conflicts the agency has
// not acknowledged, and federal requests awaiting a decision (only for those who decide them).
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { can } from "../auth/authorize";
import { CONFLICT_READING_ROLES } from "../conflicts/roles";
import { NOTICE_READING_ROLES } from "../notices/roles";
import { canDecide } from "../requests/access";
import { conflictsAwaitingWhere } from "./read-dashboard";

export type NavCounts = { inbox: number | null; conflicts: number | null; requests: number | null };

export async function readNavCounts(args: { db: Db; actor: Actor }): Promise<NavCounts> {
  const { db, actor } = args;
  const mine = { agencyId: actor.agencyId };
  const [inbox, conflicts, requests] = await Promise.all([
    can(actor, { roles: NOTICE_READING_ROLES, ...mine })
      ? db.notice.count({ where: { recipientAgencyId: actor.agencyId, supersededAt: null, readAt: null } })
      : null,
    can(actor, { roles: CONFLICT_READING_ROLES, ...mine })
      ? db.conflict.count({ where: conflictsAwaitingWhere(actor.agencyId) })
      : null,
    (async () =>
      (await canDecide(db, actor))
        ? db.federalRequest.count({ where: { agencyId: actor.agencyId, decision: null } })
        : null)(),
  ]);
  return { inbox, conflicts, requests };
}
