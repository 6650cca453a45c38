// The messages the client components of a notice read (see app/_i18n/client-messages.tsx).
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      scopes={[
        "notices.actions",
        "notices.assistance",
        "notices.assistanceKinds",
        "notices.thread",
        "notices.threadKinds",
        "notices.validation",
        "notices.errors",
        "conflicts.twoSided.errors",
        "followUp.errors",
        "operations.preview.rateLimited",
        "operations.area.noVertices",
        "operations.area.vertexLine",
        "geo",
      ]}
      forms
    >
      {children}
    </ClientMessages>
  );
}
