// The engine's plain-data vocabulary: areas, operations as the engine sees them, and the facts of a conflict.

/** [longitude, latitude] in degrees, WGS84, as in GeoJSON. */
export type LonLat = [number, number];

export type PolygonGeometry = { type: "Polygon"; coordinates: number[][][] };
export type MultiPolygonGeometry = { type: "MultiPolygon"; coordinates: number[][][][] };
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export type CircleArea = { kind: "CIRCLE"; center: LonLat; radiusM: number };
export type PolygonArea = { kind: "POLYGON"; geometry: AreaGeometry };
export type Area = CircleArea | PolygonArea;

export type EngineOperation = {
  id: string;
  agencyId: string;
  area: Area;
  /** Epoch milliseconds or a Date. */
  startsAt: Date | number;
  endsAt: Date | number;
  riskFlags: readonly string[];
};

export type Severity = "HIGH" | "MEDIUM" | "LOW";
export type Containment = "NONE" | "A_CONTAINS_B" | "B_CONTAINS_A";

/** One agency's configured buffers; a pair uses the larger of the two agencies' values. */
export type AgencyBuffers = { proximityBufferM?: number; timeBufferMinutes?: number };

export type EngineOptions = {
  /** Default proximity buffer for agencies without their own (metres, default 500, at most 100 km). */
  proximityBufferM?: number;
  /** Default time buffer for agencies without their own (minutes, default 60). */
  timeBufferMinutes?: number;
  /** Configured buffers by agency id. */
  agencyBuffers?: Readonly<Record<string, AgencyBuffers>>;
};

export type Conflict = {
  aId: string;
  bId: string;
  agencyAId: string;
  agencyBId: string;
  severity: Severity;
  /** Geodesic distance between the areas on the WGS84 ellipsoid; 0 when they intersect or touch. */
  minDistanceM: number;
  areasIntersect: boolean;
  containment: Containment;
  /** Length of the raw windows' overlap; negative: the gap when only the buffered windows overlap. */
  overlapMinutes: number;
  /** The raw windows' overlap, or null when only the buffers bring them together. */
  overlapStart: Date | null;
  overlapEnd: Date | null;
  /** The buffers this pair was judged with. */
  proximityBufferM: number;
  timeBufferMinutes: number;
};
