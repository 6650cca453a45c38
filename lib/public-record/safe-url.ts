// The addresses a published policy may link to: the web, mail, and this site. Anything else
// (javascript:, data:, protocol-relative //host) becomes no link at all.
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : "";
}
