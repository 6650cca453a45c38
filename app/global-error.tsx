"use client";
import Link from "next/link";
// Last resort when the root layout itself fails: no providers are available, so both languages are shown.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", maxWidth: 640, margin: "0 auto", color: "#0f172a" }}>
        <main>
          <h1>Something went wrong · Algo salió mal</h1>
          <p>Reference · Referencia: {error.digest ?? "—"}</p>
          <p>
            <Link href="/">Common Ground</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
