// The demo world's public record: the three sheriffs with request rules publish what they do and
// do not do, their written policies and their 287(g) standing — DuPage under the Illinois TRUST
// Act (its policy in two versions, so the history and "what changed" have something to show),
// Kankakee with a jail-model 287(g) agreement (demo fiction: Illinois's Way Forward Act has barred
// new 287(g) agreements since 2022), rural Iroquois with none and no written policy yet — and the
// request reports of every quarter the demo year covers, frozen from the seeded log.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { recordAudit } from "../../lib/audit/record";
import { computeReportFigures, periodBounds } from "../../lib/requests/reports";
import { DEMO_TIME_ZONE } from "./agencies";

type Version = {
  title: string;
  summary: string;
  body: string;
  es?: { title: string; summary: string; body: string };
  effectiveOn?: string;
  nextReviewOn?: string;
  daysAgo: number;
  agreement?: {
    model: "JAIL_ENFORCEMENT" | null;
    status: "ACTIVE" | "NONE";
    signedOn?: string;
    renewalOn?: string;
    officers?: number;
  };
};
type Doc = { kind: "POLICY" | "AGREEMENT_287G" | "STATEMENT"; slug: string; versions: Version[] };

const TRUST_V1 = `## Purpose

This policy sets out how the DuPage County Sheriff's Office answers requests from federal immigration authorities under the Illinois TRUST Act (5 ILCS 805).

## Detainers and administrative warrants

- Deputies do not hold anyone in custody on the basis of an immigration detainer (Form I-247A) or an administrative warrant (Forms I-200 and I-205).
- A person is held only on a criminal warrant signed by a judge, or a court order.

## Release notifications

The Office does not give advance notice of a person's release date to immigration authorities unless a judicial warrant requires it.

## Interviews

Federal agents may not interview a person in custody about their immigration status without that person's written consent, given after they are told they may decline.
`;

const TRUST_V2 = `## Purpose

This policy sets out how the DuPage County Sheriff's Office answers requests from federal immigration authorities under the Illinois TRUST Act (5 ILCS 805), as amended by the Way Forward Act (Public Act 102-0234).

## Detainers and administrative warrants

- Deputies do not hold anyone in custody on the basis of an immigration detainer (Form I-247A) or an administrative warrant (Forms I-200 and I-205).
- A person is held only on a criminal warrant signed by a judge, or a court order.

## Release notifications

The Office does not give advance notice of a person's release date to immigration authorities unless a judicial warrant requires it.

## Interviews

Federal agents may not interview a person in custody about their immigration status without that person's written consent, given after they are told they may decline and that they may have a lawyer present. The Office notifies the person's counsel before any interview.

## Reporting

The Office publishes a report of every federal immigration request it receives each quarter. See the [Illinois TRUST Act](https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=3818&ChapterID=64).
`;

const TRUST_V2_ES = `## Propósito

Esta política establece cómo responde la Oficina del Sheriff del Condado de DuPage a las solicitudes de las autoridades migratorias federales según la Ley TRUST de Illinois (5 ILCS 805), reformada por la Ley Way Forward (Ley Pública 102-0234).

## Órdenes de retención y órdenes administrativas

- Los agentes no retienen a nadie bajo custodia por una orden de retención migratoria (Formulario I-247A) ni por una orden administrativa (Formularios I-200 e I-205).
- Solo se retiene a una persona por una orden de arresto penal firmada por un juez, o por una orden judicial.

## Avisos de liberación

La Oficina no avisa con anticipación a las autoridades migratorias de la fecha de liberación de una persona, salvo que una orden judicial lo exija.

## Entrevistas

Los agentes federales no pueden entrevistar a una persona bajo custodia sobre su situación migratoria sin su consentimiento por escrito, dado después de saber que puede negarse y que puede tener un abogado presente. La Oficina avisa al abogado de la persona antes de cualquier entrevista.

## Informes

La Oficina publica cada trimestre un informe de todas las solicitudes migratorias federales que recibe.
`;

const DOCS: Record<string, Doc[]> = {
  "dupage-sheriff": [
    {
      kind: "STATEMENT",
      slug: "statement",
      versions: [
        {
          daysAgo: 400,
          title: "What the DuPage County Sheriff's Office does and does not do",
          summary: "Our commitments on federal immigration requests.",
          body: "**We do** honour criminal warrants signed by a judge, whoever they name.\n\n**We do not** hold anyone on an immigration detainer or administrative warrant, share release dates with immigration authorities, let agents interview people in custody without consent, or ask anyone about their immigration status.\n\nWe have no 287(g) agreement: Illinois law does not allow one.",
          es: {
            title: "Lo que hace y no hace la Oficina del Sheriff del Condado de DuPage",
            summary: "Nuestros compromisos sobre las solicitudes migratorias federales.",
            body: "**Sí** cumplimos las órdenes de arresto penales firmadas por un juez, sea quien sea la persona.\n\n**No** retenemos a nadie por una orden de retención migratoria u orden administrativa, no compartimos fechas de liberación con las autoridades migratorias, no permitimos entrevistas sin consentimiento a personas bajo custodia ni preguntamos a nadie por su situación migratoria.\n\nNo tenemos acuerdo 287(g): la ley de Illinois no lo permite.",
          },
        },
      ],
    },
    {
      kind: "AGREEMENT_287G",
      slug: "287g-agreement",
      versions: [
        {
          daysAgo: 400,
          title: "No 287(g) agreement",
          summary:
            "The Office has no 287(g) agreement with U.S. Immigration and Customs Enforcement and no deputy is designated to enforce immigration law.",
          body: "The DuPage County Sheriff's Office has not entered into an agreement under section 287(g) of the Immigration and Nationality Act (8 U.S.C. 1357(g)). Since 1 January 2022 Illinois law (5 ILCS 805/15) forbids such agreements.",
          effectiveOn: "2022-01-01",
          es: {
            title: "Sin acuerdo 287(g)",
            summary:
              "La Oficina no tiene acuerdo 287(g) con el Servicio de Inmigración y Control de Aduanas y ningún agente está designado para aplicar la ley migratoria.",
            body: "La Oficina del Sheriff del Condado de DuPage no ha firmado un acuerdo según la sección 287(g) de la Ley de Inmigración y Nacionalidad (8 U.S.C. 1357(g)). Desde el 1 de enero de 2022 la ley de Illinois (5 ILCS 805/15) prohíbe esos acuerdos.",
          },
          agreement: { model: null, status: "NONE" },
        },
      ],
    },
    {
      kind: "POLICY",
      slug: "immigration-detainers-and-federal-requests",
      versions: [
        {
          daysAgo: 400,
          title: "Immigration detainers and federal requests",
          summary: "We hold people only on judicial warrants; detainers and administrative warrants are declined.",
          body: TRUST_V1,
          effectiveOn: "2025-01-01",
          nextReviewOn: "2026-01-01",
        },
        {
          daysAgo: 150,
          title: "Immigration detainers and federal requests",
          summary:
            "We hold people only on judicial warrants; detainers and administrative warrants are declined; counsel is notified before any interview.",
          body: TRUST_V2,
          effectiveOn: "2026-07-01",
          nextReviewOn: "2027-07-01",
          es: {
            title: "Órdenes de retención migratorias y solicitudes federales",
            summary:
              "Solo retenemos a personas por órdenes judiciales; se rechazan las órdenes de retención y las administrativas; se avisa al abogado antes de cualquier entrevista.",
            body: TRUST_V2_ES,
          },
        },
      ],
    },
  ],
  "kankakee-sheriff": [
    {
      kind: "STATEMENT",
      slug: "statement",
      versions: [
        {
          daysAgo: 380,
          title: "What the Kankakee County Sheriff's Office does and does not do",
          summary: "Our part in federal immigration enforcement, in plain words.",
          body: "**We do**, at the county jail only, screen people booked on criminal charges through our 287(g) jail-enforcement agreement, and honour detainers for people in our custody under that agreement.\n\n**We do not** make arrests for civil immigration violations on patrol, take part in immigration raids, or ask victims and witnesses about their immigration status.",
          es: {
            title: "Lo que hace y no hace la Oficina del Sheriff del Condado de Kankakee",
            summary: "Nuestra parte en el control migratorio federal, en palabras sencillas.",
            body: "**Sí**, solo en la cárcel del condado, revisamos a las personas ingresadas por cargos penales mediante nuestro acuerdo 287(g) de cárcel, y cumplimos órdenes de retención para personas bajo nuestra custodia según ese acuerdo.\n\n**No** hacemos arrestos por infracciones migratorias civiles en patrulla, no participamos en redadas migratorias ni preguntamos a víctimas y testigos por su situación migratoria.",
          },
        },
      ],
    },
    {
      kind: "AGREEMENT_287G",
      slug: "287g-agreement",
      versions: [
        {
          daysAgo: 380,
          title: "287(g) jail enforcement agreement",
          summary:
            "Designated corrections deputies may, inside the county jail only, interview people booked on criminal charges about their immigration status, lodge detainers and prepare paperwork for ICE. Deputies on patrol have no immigration authority under this agreement.",
          body: "## Memorandum of Agreement\n\nBetween U.S. Immigration and Customs Enforcement and the Kankakee County Sheriff's Office, under section 287(g) of the Immigration and Nationality Act.\n\n## Scope\n\n1. Authority is limited to the Jerome Combs Detention Center.\n2. Only designated officers who completed ICE training may exercise it, under ICE supervision.\n3. The agreement does not authorise arrests in the community.\n\n## Term\n\nThe agreement runs until renewed or terminated by either party on written notice.",
          es: {
            title: "Acuerdo 287(g) de cárcel",
            summary:
              "Los agentes penitenciarios designados pueden, solo dentro de la cárcel del condado, entrevistar a personas ingresadas por cargos penales sobre su situación migratoria, emitir órdenes de retención y preparar documentos para ICE. Los agentes de patrulla no tienen autoridad migratoria según este acuerdo.",
            body: "## Memorando de acuerdo\n\nEntre el Servicio de Inmigración y Control de Aduanas y la Oficina del Sheriff del Condado de Kankakee, según la sección 287(g) de la Ley de Inmigración y Nacionalidad.\n\n## Alcance\n\n1. La autoridad se limita al Centro de Detención Jerome Combs.\n2. Solo los agentes designados que completaron la capacitación de ICE pueden ejercerla, bajo supervisión de ICE.\n3. El acuerdo no autoriza arrestos en la comunidad.\n\n## Vigencia\n\nEl acuerdo rige hasta su renovación o hasta que una de las partes lo termine por aviso escrito.",
          },
          effectiveOn: "2025-03-01",
          nextReviewOn: "2027-03-01",
          agreement: {
            model: "JAIL_ENFORCEMENT",
            status: "ACTIVE",
            signedOn: "2025-02-14",
            renewalOn: "2027-02-14",
            officers: 6,
          },
        },
      ],
    },
    {
      kind: "POLICY",
      slug: "federal-immigration-requests",
      versions: [
        {
          daysAgo: 380,
          title: "Federal immigration requests at the jail",
          summary:
            "Detainers for people in the jail are honoured under the 287(g) agreement; counsel is told before any interview.",
          body: "## Detainers\n\nThe jail honours an immigration detainer for a person in custody on a criminal charge for no more than 48 hours beyond their release time.\n\n## Interviews\n\nBefore any immigration interview the person is told they may decline, and their counsel is notified.\n\n## Outside the jail\n\nPatrol deputies do not enforce civil immigration law.",
          effectiveOn: "2025-03-01",
          nextReviewOn: "2026-03-01",
        },
      ],
    },
  ],
  "iroquois-sheriff": [
    {
      kind: "STATEMENT",
      slug: "statement",
      versions: [
        {
          daysAgo: 200,
          title: "What the Iroquois County Sheriff's Office does and does not do",
          summary: "Where we stand while our written policy is prepared.",
          body: "We have **no 287(g) agreement** and no written policy on federal immigration requests yet; one is being drafted with the State's Attorney. Until then every such request is decided by the sheriff and published in our quarterly reports.",
          es: {
            title: "Lo que hace y no hace la Oficina del Sheriff del Condado de Iroquois",
            summary: "Nuestra posición mientras preparamos la política escrita.",
            body: "**No tenemos acuerdo 287(g)** y aún no tenemos una política escrita sobre solicitudes migratorias federales; se está redactando con la Fiscalía del Estado. Hasta entonces el sheriff decide cada solicitud y se publica en nuestros informes trimestrales.",
          },
        },
      ],
    },
  ],
};

const day = (s?: string) => (s ? new Date(`${s}T00:00:00Z`) : null);

export async function seedPublicRecord(tx: Tx, ids: Map<string, string>, now: Date): Promise<void> {
  for (const [slug, docs] of Object.entries(DOCS)) {
    const agencyId = ids.get(slug);
    if (!agencyId) continue;
    const chief = await tx.user.findFirst({ where: { agencyId, roles: { has: "CHIEF" } }, select: { id: true } });
    for (const d of docs) {
      const documentId = randomUUID();
      const first = new Date(now.getTime() - d.versions[0].daysAgo * 86_400_000);
      await tx.publicDocument.create({
        data: { id: documentId, agencyId, kind: d.kind, slug: d.slug, createdAt: first },
      });
      for (const [i, v] of d.versions.entries()) {
        const at = new Date(now.getTime() - v.daysAgo * 86_400_000);
        await tx.publicDocumentVersion.create({
          data: {
            id: randomUUID(),
            documentId,
            agencyId,
            version: i + 1,
            title: v.title,
            summary: v.summary,
            body: v.body,
            translations: (v.es ? { es: v.es } : {}) as Prisma.InputJsonValue,
            effectiveOn: day(v.effectiveOn),
            nextReviewOn: day(v.nextReviewOn),
            agreementModel: v.agreement?.model ?? null,
            agreementStatus: v.agreement?.status ?? null,
            signedOn: day(v.agreement?.signedOn),
            renewalOn: day(v.agreement?.renewalOn),
            designatedOfficers: v.agreement?.officers ?? null,
            createdAt: at,
            updatedAt: at,
            publishedAt: at,
            publishedById: chief?.id ?? null,
          },
        });
      }
    }
    await recordAudit(tx, {
      action: "seed.public-record.publish",
      targetType: "PublicDocument",
      agencyId,
      actorLabel: "seed",
      details: { documents: docs.length },
      at: now,
    });
    await publishPastQuarters(tx, agencyId, chief?.id ?? null, now);
  }
}

/** Every quarter of the seeded year that has ended, published the day after it closed. */
async function publishPastQuarters(tx: Tx, agencyId: string, chiefId: string | null, now: Date): Promise<void> {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  let published = 0;
  for (let year = yearAgo.getUTCFullYear(); year <= now.getUTCFullYear(); year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const period = { kind: "QUARTER" as const, year, quarter };
      const { start, end } = periodBounds(period, DEMO_TIME_ZONE);
      // Only whole quarters of the seeded year: a report of a part-quarter would understate it.
      if (start < yearAgo || end > now) continue;
      const figures = await computeReportFigures(tx, agencyId, start, end);
      const at = new Date(Math.min(end.getTime() + 86_400_000, now.getTime()));
      await tx.requestReport.create({
        data: {
          id: randomUUID(),
          agencyId,
          periodKind: "QUARTER",
          year,
          quarter,
          periodStart: start,
          periodEnd: end,
          figures: figures as unknown as Prisma.InputJsonValue,
          publishedAt: at,
          publishedById: chiefId,
          createdAt: at,
        },
      });
      published++;
    }
  }
  await recordAudit(tx, {
    action: "seed.request.report.publish",
    targetType: "RequestReport",
    agencyId,
    actorLabel: "seed",
    details: { quarters: published },
    at: now,
  });
}
