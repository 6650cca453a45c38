// The operation area as a request may send it: a circle, or a polygon whose geometry is GeoJSON in
// any of the forms a GIS export produces (bare geometry, a Feature, a one-polygon
// FeatureCollection, or that JSON as a string). lib/validation/area.ts is what reads it; this only
// describes it for the document, where it stands in for that schema (see document.ts).
import { z } from "zod";
import { circleArea, geoJsonMultiPolygon, geoJsonPolygon } from "./common";

const polygonal = z.union([geoJsonPolygon, geoJsonMultiPolygon]);

const feature = z
  .object({
    type: z.literal("Feature"),
    geometry: polygonal,
    properties: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .meta({ id: "GeoJsonFeature", description: "A GeoJSON Feature whose geometry is a Polygon or MultiPolygon." });

const featureCollection = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) }).meta({
  id: "GeoJsonFeatureCollection",
  description: "A GeoJSON FeatureCollection holding exactly one Polygon or MultiPolygon feature (others are ignored).",
});

export const polygonAreaInput = z
  .object({
    kind: z.literal("POLYGON"),
    geometry: z.union([
      polygonal,
      feature,
      featureCollection,
      z.string().meta({ description: "Any of these forms as JSON text (e.g. a pasted .geojson file)." }),
    ]),
  })
  .meta({
    id: "PolygonAreaInput",
    description:
      "A polygon area. At most 1,000 vertices in all; every point within 1,000 km of the centre; rings closed, not self-intersecting and not crossing each other; holes inside their shell. Edges are geodesics on WGS84; a ring may cross the antimeridian or circle a pole. A refused area is a 422 whose issues point at the offending position (e.g. area.geometry.coordinates.0.3).",
    example: {
      kind: "POLYGON",
      geometry: {
        type: "Feature",
        properties: {},
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
    },
  });

export const areaInput = z.union([circleArea, polygonAreaInput]).meta({
  unusedIO: "input",
  id: "AreaInput",
  description:
    "An operation's area: a circle (centre [lon, lat] and radius up to 50 km) or a GeoJSON polygon. The deconfliction check and the recipient preview also require the area to fit within 50 km across.",
});
