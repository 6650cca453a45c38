// What /api/v1/requests returns: the request view without the local reference — the API is an
// export channel, and a booking number never leaves the agency's own pages.
import type { RequestView } from "./read-requests";

export function apiRequest(v: RequestView) {
  const { internal, ...rest } = v;
  return {
    ...rest,
    ...(internal
      ? {
          departure: internal.departure,
          departureJustification: internal.departureJustification,
          loggedBy: internal.createdByLabel,
        }
      : {}),
  };
}
