import { describe, expect, it } from "vitest";
import { lookupNode, mergeMessages, pickMessages } from "./pick";

const messages = {
  common: { appName: "Common Ground", nav: { inbox: "Inbox", sent: "Sent" } },
  notices: { inbox: { title: "Inbox", empty: "No notices yet." }, kinds: { NOTICE: "Notice" } },
};

describe("picking messages for the browser", () => {
  it("keeps only the named namespaces, sub-trees and keys, at their paths", () => {
    expect(pickMessages(messages, ["common.nav", "notices.inbox.title"])).toEqual({
      common: { nav: { inbox: "Inbox", sent: "Sent" } },
      notices: { inbox: { title: "Inbox" } },
    });
    expect(pickMessages(messages, ["notices"])).toEqual({ notices: messages.notices });
  });

  it("refuses a scope the catalog does not have", () => {
    expect(() => pickMessages(messages, ["notices.outbox"])).toThrow(/notices\.outbox/);
  });

  it("merges what nested providers add, deeply", () => {
    const root = pickMessages(messages, ["common.appName", "notices.kinds"]);
    const page = pickMessages(messages, ["notices.inbox.empty"]);
    expect(mergeMessages(root, page)).toEqual({
      common: { appName: "Common Ground" },
      notices: { kinds: { NOTICE: "Notice" }, inbox: { empty: "No notices yet." } },
    });
    expect(lookupNode(mergeMessages(root, page), "notices.inbox")).toEqual({ empty: "No notices yet." });
  });
});
