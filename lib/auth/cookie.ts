// The session cookie's name, shared by next-auth's configuration and the proxy so both look for
// the same cookie. Over https it carries the __Secure- prefix (and next-auth marks its cookies
// Secure, the CSRF one __Host-).
import { servedOverHttps } from "../http/security-headers";

export function secureCookies(): boolean {
  return servedOverHttps();
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
