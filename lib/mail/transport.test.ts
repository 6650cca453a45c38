import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { smtpTransport, type MailTransport } from "./transport";

describe("smtpTransport", () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((f) => f()));

  it("gives up on a server that accepts the connection but never greets, within its timeout", async () => {
    // A stuck mail server: the connection opens, and nothing is ever said.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => {
      sockets.forEach((s) => s.destroy());
      server.close();
    });
    const { port } = server.address() as net.AddressInfo;
    const transport: MailTransport = smtpTransport(`smtp://127.0.0.1:${port}`, { timeouts: { greetingTimeout: 300 } });
    cleanup.push(() => transport.close());

    const started = Date.now();
    await expect(
      transport.send({
        from: "no-reply@cg.test",
        to: { address: "desk@county.example.gov" },
        subject: "s",
        text: "t",
        messageId: "<t@cg.test>",
        date: new Date(),
      }),
    ).rejects.toThrow(/greeting/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
