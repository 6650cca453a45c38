"use client";
import Link from "next/link";
import styles from "./global-error.module.css";
// Last resort when the root layout itself fails: no providers are available, so both languages are shown.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className={styles.body}>
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
