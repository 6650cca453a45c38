// The messages the client components of the public record read (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages scopes={["publicRecord", "requests.errors.commandOnly"]} forms>
      {children}
    </ClientMessages>
  );
}
