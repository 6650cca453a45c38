// Runs clean-up once on Ctrl-C, SIGTERM or a closed terminal, then exits with the usual code.
const SIGNALS: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function onShutdown(cleanup: (signal: NodeJS.Signals) => Promise<void>): void {
  let running = false;
  for (const [name, code] of Object.entries(SIGNALS)) {
    process.on(name, () => {
      if (running) return; // a second Ctrl-C while stopping: keep stopping cleanly
      running = true;
      cleanup(name as NodeJS.Signals)
        .catch((error: unknown) => process.stderr.write(`${String(error)}\n`))
        .finally(() => process.exit(code));
    });
  }
}
