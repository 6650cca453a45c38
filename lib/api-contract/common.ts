// The public building blocks of the API's responses: the error body every failure carries, the
// GeoJSON operation area, instants, pages. Dates are z.date() here (what the domain returns); the
// document renders them as RFC 3339 strings, which is what JSON.stringify writes.
import { z } from "zod";

export const uuid = z.uuid().meta({ example: "3f1c2a7e-9b4d-4c1e-8a52-6f0d9e7b1a24" });
export const instant = z
  .date()
  .meta({ description: "An instant, RFC 3339 in UTC.", example: "2027-03-10T14:00:00.000Z" });

/** [longitude, latitude] in WGS84 degrees (GeoJSON order). */
export const position = z
  .array(z.number().min(-180).max(180))
  .length(2)
  .meta({
    id: "Position",
    description:
      "[longitude, latitude] in WGS84 degrees (GeoJSON order): longitude in [-180, 180], latitude in [-90, 90].",
    example: [-87.62, 41.88],
  });

const ring = z.array(position).min(4).meta({
  id: "LinearRing",
  description:
    "A closed ring: at least four positions, the last equal to the first. The first ring of a polygon is its outer boundary, any further rings are holes. Edges are geodesics on the WGS84 ellipsoid; a ring may cross the antimeridian.",
});

export const geoJsonPolygon = z
  .object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) })
  .meta({ id: "GeoJsonPolygon", description: "A GeoJSON Polygon (RFC 7946 §3.1.6)." });
export const geoJsonMultiPolygon = z
  .object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) })
  .meta({ id: "GeoJsonMultiPolygon", description: "A GeoJSON MultiPolygon (RFC 7946 §3.1.7)." });

export const circleArea = z
  .object({
    kind: z.literal("CIRCLE"),
    center: position,
    radiusM: z.number().gt(0).max(50_000).meta({ description: "Radius in metres, at most 50 km." }),
  })
  .meta({
    id: "CircleArea",
    description: "A circle: its centre and radius.",
    example: { kind: "CIRCLE", center: [-87.6298, 41.8781], radiusM: 400 },
  });

export const polygonArea = z
  .object({ kind: z.literal("POLYGON"), geometry: z.union([geoJsonPolygon, geoJsonMultiPolygon]) })
  .meta({
    id: "PolygonArea",
    description:
      "A polygon or multipolygon, at most 1,000 vertices in all, every point within 1,000 km of its centre; rings must not self-intersect or cross each other, and holes lie inside their shell.",
    example: {
      kind: "POLYGON",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [-87.64, 41.87],
            [-87.62, 41.87],
            [-87.62, 41.89],
            [-87.64, 41.89],
            [-87.64, 41.87],
          ],
        ],
      },
    },
  });

/** An operation's area as the API returns it. */
export const area = z.discriminatedUnion("kind", [circleArea, polygonArea]).meta({
  id: "Area",
  description: "Where an operation takes place: a circle, or a GeoJSON Polygon/MultiPolygon.",
});

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          "Machine-readable: VALIDATION, BAD_REQUEST, UNAUTHORIZED, INSUFFICIENT_SCOPE, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, INTERNAL, UNAVAILABLE…",
        example: "VALIDATION",
      }),
      message: z.string().meta({
        description: "For people, in the language of Accept-Language (English or Spanish).",
        example: "Some fields need attention.",
      }),
      requestId: z.string().meta({ description: "Quote it when reporting a problem; also in X-Request-Id." }),
      issues: z
        .array(
          z.object({
            path: z.string().meta({ description: "The field, dot-separated (e.g. area.center.1).", example: "title" }),
            code: z.string().meta({ description: "The message key.", example: "errors.tooShort" }),
            message: z.string().meta({ example: "Must be at least 3 characters." }),
          }),
        )
        .optional()
        .meta({ description: "With 422: each field that was refused." }),
    }),
  })
  .meta({
    id: "Error",
    description: "Every failure answers with this body.",
    example: {
      error: {
        code: "VALIDATION",
        message: "Some fields need attention.",
        requestId: "5b0e0c52-7d1c-4d8f-9a51-2f0f1d3e4c6b",
        issues: [{ path: "title", code: "errors.tooShort", message: "Must be at least 3 characters." }],
      },
    },
  });
export type ErrorBody = z.output<typeof errorBody>;

const cursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `after` (next) or `before` (prev); null at the end." });

/** A keyset page of `item`. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next: cursor,
    prev: cursor,
    total: z.number().int().min(0).meta({ description: "How many match, over all pages." }),
  });
}

export const agencyRef = z.object({ id: uuid, name: z.string(), phone24x7: z.string() });
export const operationRef = z.object({ id: uuid, ref: z.string(), title: z.string() });
export const where = z
  .object({ lon: z.number(), lat: z.number() })
  .nullable()
  .meta({ description: "Roughly where the two areas meet, rounded to about 100 m." });
