// The webhook sender connects only where the safety check allows, at the moment of connecting: a
// name that passed when the endpoint was saved, then re-pointed at a private address (DNS
// rebinding), reaches nothing in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinnedSender, RefusedAddressError } from "@/lib/webhooks/sender";
import { startReceiver } from "./webhook-receiver";

describe("pinned webhook sender", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let port: string;
  const request = (host: string) => ({
    url: `http://${host}:${port}/hooks/common-ground`,
    headers: { "content-type": "application/json" },
    body: "{}",
    timeoutMs: 5_000,
  });

  beforeAll(async () => {
    receiver = await startReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it("connects to the address its resolver gives", async () => {
    const resolved: string[] = [];
    const send = pinnedSender({
      production: false,
      resolve: async (host) => {
        resolved.push(host);
        return ["127.0.0.1"];
      },
    });
    // Unsigned, so the receiver answers 400: what matters is that the request reached it.
    const res = await send(request("receiver.example.test"));
    expect(res.status).toBe(400);
    expect(resolved).toEqual(["receiver.example.test"]);
    expect(receiver.state.rejected).toBe(1);
  });

  it("in production, refuses a name that now resolves to a private address, and nothing is sent", async () => {
    let calls = 0;
    // Public when the endpoint was checked; loopback by the time of the request.
    const rebinding = async () => (++calls === 1 ? ["93.184.215.14"] : ["127.0.0.1"]);
    expect(await rebinding()).toEqual(["93.184.215.14"]);
    const send = pinnedSender({ production: true, resolve: rebinding });
    const before = receiver.state.rejected + receiver.state.received.length;
    await expect(send(request("rebind.example.test"))).rejects.toBeInstanceOf(RefusedAddressError);
    // A name with one private address among public ones is refused too.
    const mixed = pinnedSender({ production: true, resolve: async () => ["93.184.215.14", "10.0.0.8"] });
    await expect(mixed(request("mixed.example.test"))).rejects.toBeInstanceOf(RefusedAddressError);
    expect(receiver.state.rejected + receiver.state.received.length).toBe(before);
  });

  it("gives up after its timeout on a receiver that never answers", async () => {
    const net = await import("node:net");
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const silentPort = (silent.address() as import("node:net").AddressInfo).port;
    const send = pinnedSender({ production: false });
    await expect(
      send({ url: `http://127.0.0.1:${silentPort}/`, headers: {}, body: "{}", timeoutMs: 300 }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    silent.close();
  });
});
