// The messages the client components of a new request read (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages scopes={["requests", "requestPolicy.errors"]} forms>
      {children}
    </ClientMessages>
  );
}
