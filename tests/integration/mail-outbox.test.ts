// The outbox is scoped to the viewer's agency: admins and chiefs see their agency's mail,
// others only mail addressed to them, nobody another agency's; with SMTP configured only
// platform admins may open it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { listOutbox } from "@/lib/mail/outbox";
import { queueMail } from "@/lib/mail/queue-mail";
import { actorFor, useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";

describe("outbox", () => {
  const t = useFreshDb();
  const now = new Date("2026-11-23T14:00:00Z");
  let a: { id: string };
  let b: { id: string };

  async function agency(db: Db, slug: string) {
    return db.agency.create({
      data: {
        slug,
        name: `Agency ${slug}`,
        shortName: slug,
        level: "LOCAL",
        kind: "POLICE",
        timeZone: "America/Chicago",
        phone24x7: "+1 312 555 0100",
      },
    });
  }
  async function user(
    db: Db,
    agencyId: string,
    email: string,
    roles: ("LIAISON" | "AGENCY_ADMIN" | "CHIEF")[],
    isPlatformAdmin = false,
  ) {
    return db.user.create({
      data: { agencyId, email, name: email.split("@")[0], passwordHash: "x", roles, isPlatformAdmin },
    });
  }
  async function mail(db: Db, to: { address: string; userId?: string; agencyId: string }) {
    await db.$transaction((tx) =>
      queueMail(tx, {
        to,
        template: "test",
        params: {},
        locales: ["en"],
        timeZone: "America/Chicago",
        now,
        from: "cg@cg.test",
      }),
    );
  }

  beforeAll(async () => {
    useTestSecrets(t().url);
    const { db } = t();
    a = await agency(db, "a");
    b = await agency(db, "b");
    const liaison = await user(db, a.id, "liaison@a.gov", ["LIAISON"]);
    await user(db, a.id, "admin@a.gov", ["AGENCY_ADMIN"]);
    await user(db, a.id, "root@a.gov", ["LIAISON"], true);
    const other = await user(db, b.id, "admin@b.gov", ["AGENCY_ADMIN"]);
    await mail(db, { address: "liaison@a.gov", userId: liaison.id, agencyId: a.id });
    await mail(db, { address: "backup@a.gov", agencyId: a.id });
    await mail(db, { address: "admin@b.gov", userId: other.id, agencyId: b.id });
  });

  const addresses = async (email: string, smtpConfigured = false) =>
    (await listOutbox({ db: t().db, actor: await actorFor(t().db, email), smtpConfigured }))
      .map((m) => m.toAddress)
      .sort();

  it("shows an agency admin all of the agency's mail and none of another agency's", async () => {
    expect(await addresses("admin@a.gov")).toEqual(["backup@a.gov", "liaison@a.gov"]);
    expect(await addresses("admin@b.gov")).toEqual(["admin@b.gov"]);
  });

  it("shows anyone else only the mail addressed to them", async () => {
    expect(await addresses("liaison@a.gov")).toEqual(["liaison@a.gov"]);
  });

  it("is for platform admins only once a mail server is configured", async () => {
    await expect(addresses("admin@a.gov", true)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await addresses("root@a.gov", true)).toEqual(["backup@a.gov", "liaison@a.gov"]);
  });
});
