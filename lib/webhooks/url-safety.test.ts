import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPrivateAddress } from "./url-safety";

const resolveTo = (map: Record<string, string[]>) => async (host: string) => {
  const found = map[host];
  if (!found) throw new Error("ENOTFOUND");
  return found;
};

describe("webhook URL safety", () => {
  it("accepts public https and, outside production only, http to this machine", async () => {
    const resolve = resolveTo({ "hooks.example.com": ["93.184.216.34", "2606:2800:220:1::1"] });
    expect(await checkWebhookUrl("https://hooks.example.com/cg", { production: true, resolve })).toBeNull();
    expect(await checkWebhookUrl("http://127.0.0.1:9000/hook", { production: false })).toBeNull();
    expect(await checkWebhookUrl("http://localhost:9000/hook", { production: false })).toBeNull();
    expect(await checkWebhookUrl("http://localhost:9000/hook", { production: true })).toBe("scheme");
    expect(await checkWebhookUrl("http://hooks.example.com/cg", { production: false })).toBe("scheme");
    expect(await checkWebhookUrl("ftp://hooks.example.com/cg", { production: false })).toBe("scheme");
    expect(await checkWebhookUrl("not a url", { production: false })).toBe("invalid");
    expect(await checkWebhookUrl("https://user:pw@hooks.example.com/", { production: false })).toBe("credentials");
  });

  it("refuses private, loopback, link-local and metadata addresses in production, literal or resolved", async () => {
    const resolve = resolveTo({
      "intranet.example.com": ["93.184.216.34", "10.1.2.3"],
      "rebind.example.com": ["169.254.169.254"],
      "v6.example.com": ["fd12::1"],
    });
    for (const url of [
      "https://10.0.0.5/x",
      "https://192.168.1.20/",
      "https://172.16.4.4/",
      "https://169.254.169.254/latest/meta-data",
      "https://127.0.0.1/",
      "https://[::1]/",
      "https://[fe80::1]/",
      "https://[::ffff:10.0.0.1]/",
      "https://localhost/",
      "https://0.0.0.0/",
    ]) {
      expect(await checkWebhookUrl(url, { production: true, resolve }), url).toBe("private");
    }
    expect(await checkWebhookUrl("https://intranet.example.com/", { production: true, resolve })).toBe("private");
    expect(await checkWebhookUrl("https://rebind.example.com/", { production: true, resolve })).toBe("private");
    expect(await checkWebhookUrl("https://v6.example.com/", { production: true, resolve })).toBe("private");
    expect(await checkWebhookUrl("https://nowhere.example.com/", { production: true, resolve })).toBe("unresolvable");
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
  });
});
