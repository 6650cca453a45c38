// Minimal, strict XML writing for CAP messages: element text is escaped and characters XML 1.0
// cannot carry are dropped, so no input can break the document's structure. (No attributes are
// written from data, so quotes need no escaping.)

// Control characters other than tab, newline and carriage return, lone surrogates and U+FFFE/U+FFFF.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export type XmlNode = { name: string; text?: string; children?: (XmlNode | null | undefined)[] };

/** Leaf element; omitted (null) when the value is empty, as CAP's optional elements should be. */
export function leaf(name: string, value: string | null | undefined): XmlNode | null {
  if (value === undefined || value === null || value === "") return null;
  return { name, text: value };
}

export function renderXml(node: XmlNode, indent = ""): string {
  const children = (node.children ?? []).filter((c): c is XmlNode => !!c);
  if (children.length === 0) return `${indent}<${node.name}>${escapeXml(node.text ?? "")}</${node.name}>`;
  const inner = children.map((c) => renderXml(c, `${indent}  `)).join("\n");
  return `${indent}<${node.name}>\n${inner}\n${indent}</${node.name}>`;
}
