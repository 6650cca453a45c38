// One signed POST to a receiver: a bounded wait, no redirects followed, and only a short
// excerpt of whatever the receiver answers is kept.
export type WebhookRequest = { url: string; headers: Record<string, string>; body: string; timeoutMs: number };
export type WebhookResponse = { status: number; excerpt: string };
export type WebhookSender = (req: WebhookRequest) => Promise<WebhookResponse>;

export const RESPONSE_EXCERPT_CHARS = 200;

async function readExcerpt(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_CHARS * 4) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT_CHARS);
}

export const fetchSender: WebhookSender = async (req) => {
  const res = await fetch(req.url, {
    method: "POST",
    headers: req.headers,
    body: req.body,
    redirect: "manual",
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  return { status: res.status, excerpt: await readExcerpt(res) };
};
