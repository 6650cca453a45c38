// The messages the client components of an operation read (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      scopes={[
        "operations.actions",
        "operations.errors",
        "operations.preview.rateLimited",
        "operations.transitions",
        "operations.area.noVertices",
        "operations.area.vertexLine",
        "geo",
        "notices.validation",
        "followUp.afterAction",
        "followUp.errors",
      ]}
      forms
    >
      {children}
    </ClientMessages>
  );
}
