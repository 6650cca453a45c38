// The messages the sign-in form reads (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages scopes={["auth.signIn", "auth.enrol", "auth.password"]}>{children}</ClientMessages>;
}
