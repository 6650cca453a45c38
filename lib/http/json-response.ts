// JSON responses for the API, with their serialized text remembered beside them: the production
// server (server/lib/api-server.ts) writes that text straight to the socket instead of reading the
// Response's body stream back, which costs more than the rest of a small answer. Anything else
// serving the Response (Next.js) reads its body as usual.
const g = globalThis as unknown as { __cgJsonBodies?: WeakMap<Response, string> };
const bodies = (g.__cgJsonBodies ??= new WeakMap<Response, string>());

export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers },
  });
  bodies.set(response, text);
  return response;
}

/** The text of a response made by jsonResponse, if it was; its body stream is then left unread. */
export function jsonResponseText(response: Response): string | undefined {
  return bodies.get(response);
}
