// The session cookie's name, shared by next-auth's configuration and the proxy so both look for
// the same cookie. Over https it carries the __Secure- prefix.
import { env } from "../env";

export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
