// Loads Prisma's schema engine from its WebAssembly build and opens it against a database,
// so migrations need neither the CLI's native engine download nor network access.
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { migrationAdapterFactory } from "./pg-migration-adapter";

export type { SchemaEngine };

let lastPanic: string | undefined;
let loaded = false;

function loadWasm(): void {
  if (loaded) return;
  // Without a registry, a Rust panic surfaces only as "RuntimeError: unreachable".
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = fs.readFileSync(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": withUnrefTimers(bg),
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  loaded = true;
}

/**
 * The engine arms 10 s timers (timeouts raced against its queries) and never clears them, so a
 * process that has finished its work would linger 10 s. Unref them: open connections, not
 * these timers, are what should keep a process alive.
 */
function withUnrefTimers(glue: typeof bg): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms >>> 0);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

/** The engine's error, made readable: its JSON message, or the panic behind `unreachable`. */
export function engineError(error: unknown): Error {
  if (lastPanic) {
    const message = `The schema engine panicked: ${lastPanic}`;
    lastPanic = undefined;
    return new Error(message, { cause: error });
  }
  if (error instanceof Error) {
    try {
      const parsed = JSON.parse(error.message) as { message?: string; error_code?: string };
      if (parsed.message)
        return new Error(parsed.error_code ? `${parsed.error_code}: ${parsed.message}` : parsed.message, {
          cause: error,
        });
    } catch {
      // not JSON: keep the message as it is
    }
    return error;
  }
  if (error && typeof error === "object" && "message" in error)
    return new Error(String((error as { message: unknown }).message), { cause: error });
  return new Error(String(error));
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens the engine on `url` with the given Prisma schema; close() frees it and its pools. */
export async function openSchemaEngine(
  url: string,
  schemaPath: string,
  onLog?: (line: string) => void,
): Promise<OpenEngine> {
  loadWasm();
  const factory = migrationAdapterFactory(url);
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    (line: string) => onLog?.(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  ).catch((e: unknown) => {
    throw engineError(e);
  });
  return {
    engine,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}
