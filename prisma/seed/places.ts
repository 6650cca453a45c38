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
  [-87.6690, 42.0230],
  [-87.7090, 42.0195],
  [-87.7090, 41.9975],
  [-87.7720, 41.9975],
  [-87.8070, 42.0100],
  [-87.8400, 41.9860],
  [-87.9400, 41.9950],
  [-87.9200, 41.9570],
  [-87.8070, 41.9510],
  [-87.8060, 41.9090],
  [-87.7750, 41.9090],
  [-87.7750, 41.8650],
  [-87.7410, 41.8650],
  [-87.7410, 41.8220],
  [-87.8060, 41.8130],
  [-87.8010, 41.7750],
  [-87.7410, 41.7750],
  [-87.7410, 41.7350],
  [-87.7200, 41.6800],
  [-87.6400, 41.6800],
  [-87.6100, 41.6450],
  [-87.5245, 41.6445],
  [-87.5245, 41.7080],
  [-87.5320, 41.7480],
  [-87.5600, 41.7650],
  [-87.5780, 41.7940],
  [-87.6100, 41.8450],
  [-87.6245, 41.9100],
  [-87.6480, 41.9700],
]);

/**
 * City of Aurora, simplified to 11 vertices: from the North Aurora line in the north, east into
 * DuPage County to Route 59, south into Will and Kendall counties toward Oswego, west past Orchard Road.
 */
export const AURORA: MultiPolygon = outline([
  [-88.3700, 41.8300],
  [-88.2900, 41.8250],
  [-88.2600, 41.8150],
  [-88.2030, 41.8000],
  [-88.2000, 41.7200],
  [-88.2350, 41.6800],
  [-88.2900, 41.7050],
  [-88.3300, 41.7100],
  [-88.3900, 41.7250],
  [-88.4200, 41.7700],
  [-88.4000, 41.8050],
]);

/**
 * City of Joliet, simplified to 9 vertices: the Plainfield side in the north-west, the Des Plaines
 * River corridor and the east side, south toward Elwood, west along I-80 toward Minooka.
 */
export const JOLIET: MultiPolygon = outline([
  [-88.1800, 41.6150],
  [-88.1000, 41.5950],
  [-88.0650, 41.5700],
  [-88.0350, 41.5450],
  [-88.0400, 41.4900],
  [-88.1000, 41.4650],
  [-88.1800, 41.4800],
  [-88.2400, 41.5100],
  [-88.2300, 41.5700],
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
