// Any other path under /api/v1: a JSON 404 (after the token check, and audited like the rest).
import { NotFoundError } from "@/lib/errors";
import { tokenRoute } from "@/lib/http/token-route";

const notFound = tokenRoute(null, async () => {
  throw new NotFoundError("api.notFound");
});

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
