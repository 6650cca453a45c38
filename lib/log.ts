// Structured logging. Request id, actor and agency travel as bindings on child loggers.
import pino from "pino";

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");

export const log = pino({
  level,
  base: { app: "common-ground" },
  redact: { paths: ["password", "*.password", "token", "*.token", "code", "*.code", "totp"], remove: true },
});

export function childLog(bindings: Record<string, unknown>) {
  return log.child(bindings);
}
