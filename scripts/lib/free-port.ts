// Finds a TCP port on 127.0.0.1 that nothing listens on, preferring one asked for.
import net from "node:net";

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(undefined));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolve(chosen));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return (await tryListen(port)) === port;
}

export async function freePort(preferred?: number): Promise<number> {
  if (preferred && (await tryListen(preferred)) === preferred) return preferred;
  const port = await tryListen(0);
  if (!port) throw new Error("Could not find a free TCP port on 127.0.0.1");
  return port;
}
