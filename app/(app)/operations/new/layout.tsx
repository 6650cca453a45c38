// The messages the client components of filing an operation read (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      scopes={["operations", "conflicts", "notices", "geo", "followUp.form", "followUp.sees", "followUp.errors"]}
      forms
    >
      {children}
    </ClientMessages>
  );
}
