// A page ships only the messages its client components read: these pick sub-trees of the catalog
// on the server and merge what nested providers hand down on the client.
import type { Messages } from "./translate";

/** The node at a dotted path: a sub-tree, a message, or undefined. */
export function lookupNode(messages: Messages, path: string): Messages | string | undefined {
  let node: Messages | string | undefined = messages;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

/** Deep merge; `extra` wins where both hold a message. */
export function mergeMessages(base: Messages, extra: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = typeof value === "object" && typeof current === "object" ? mergeMessages(current, value) : value;
  }
  return out;
}

/** Only the given namespaces, sub-trees ("conflicts.twoSided.alert") or single keys of `messages`. */
export function pickMessages(messages: Messages, scopes: readonly string[]): Messages {
  let out: Messages = {};
  for (const scope of scopes) {
    const node = lookupNode(messages, scope);
    if (node === undefined) throw new Error(`No messages at "${scope}"`);
    const parts = scope.split(".");
    let branch: Messages | string = node;
    for (let i = parts.length - 1; i >= 0; i--) branch = { [parts[i]]: branch };
    out = mergeMessages(out, branch as Messages);
  }
  return out;
}
