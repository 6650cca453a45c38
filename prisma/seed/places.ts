// Hand-drawn outlines for places us-atlas does not hold. Every one is an honest simplification
// drawn from public maps, good for a demo and for deconfliction tests, not for legal boundaries.
import type { MultiPolygon } from "../../lib/validation/agency";
import { outline } from "./geo";

/**
 * City of Chicago, simplified to 29 vertices: Howard Street and the lakefront in the north-east,
 * the Indiana line and the Calumet area in the south-east, Mount Greenwood and Ashburn along
 * Cicero and Pulaski in the south-west, Garfield Ridge/Clearing out to Harlem, the Austin and
 * Galewood edges, and the O'Hare panhandle to the north-west. The lakefront follows the county's
 * simplified shoreline so the city stays inside Cook County. Not the legal city limits.
 */
export const CHICAGO: MultiPolygon = outline([
  [-87.669, 42.023],
  [-87.709, 42.0195],
  [-87.709, 41.9975],
  [-87.772, 41.9975],
  [-87.807, 42.01],
  [-87.84, 41.986],
  [-87.94, 41.995],
  [-87.92, 41.957],
  [-87.807, 41.951],
  [-87.806, 41.909],
  [-87.775, 41.909],
  [-87.775, 41.865],
  [-87.741, 41.865],
  [-87.741, 41.822],
  [-87.806, 41.813],
  [-87.801, 41.775],
  [-87.741, 41.775],
  [-87.741, 41.735],
  [-87.72, 41.68],
  [-87.64, 41.68],
  [-87.61, 41.645],
  [-87.5245, 41.6445],
  [-87.5245, 41.708],
  [-87.532, 41.748],
  [-87.56, 41.765],
  [-87.578, 41.794],
  [-87.61, 41.845],
  [-87.6245, 41.91],
  [-87.648, 41.97],
]);

/**
 * City of Aurora, simplified to 11 vertices: from the North Aurora line in the north, east into
 * DuPage County to Route 59, south into Will and Kendall counties toward Oswego, west past Orchard Road.
 */
export const AURORA: MultiPolygon = outline([
  [-88.37, 41.83],
  [-88.29, 41.825],
  [-88.26, 41.815],
  [-88.203, 41.8],
  [-88.2, 41.72],
  [-88.235, 41.68],
  [-88.29, 41.705],
  [-88.33, 41.71],
  [-88.39, 41.725],
  [-88.42, 41.77],
  [-88.4, 41.805],
]);

/**
 * City of Joliet, simplified to 9 vertices: the Plainfield side in the north-west, the Des Plaines
 * River corridor and the east side, south toward Elwood, west along I-80 toward Minooka.
 */
export const JOLIET: MultiPolygon = outline([
  [-88.18, 41.615],
  [-88.1, 41.595],
  [-88.065, 41.57],
  [-88.035, 41.545],
  [-88.04, 41.49],
  [-88.1, 41.465],
  [-88.18, 41.48],
  [-88.24, 41.51],
  [-88.23, 41.57],
]);

/** The ICE processing facility at 1930 Beach Street, Broadview: the building and its yard, approximately. */
export const BROADVIEW_FACILITY: MultiPolygon = outline([
  [-87.8566, 41.8583],
  [-87.8549, 41.8583],
  [-87.8549, 41.8572],
  [-87.8566, 41.8572],
]);

/** The Everett McKinley Dirksen U.S. Courthouse block, 219 S. Dearborn Street: Dearborn, Adams, Clark, Jackson. */
export const DIRKSEN_COURTHOUSE: MultiPolygon = outline([
  [-87.6311, 41.8794],
  [-87.6296, 41.8794],
  [-87.6296, 41.8781],
  [-87.6311, 41.8781],
]);
