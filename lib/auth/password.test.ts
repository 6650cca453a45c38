import { describe, expect, it } from "vitest";
import { parseMsg } from "../i18n/issue";
import { ValidationError } from "../errors";
import { changePasswordSchema } from "../validation/auth";
import { assertPasswordPolicy, hashPassword, isCommonPassword, passwordPolicyIssue, verifyPassword } from "./password";

const key = (password: string) => {
  const issue = passwordPolicyIssue(password);
  return issue ? parseMsg(issue).key : null;
};

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("password policy", () => {
  it("needs at least 12 characters", () => {
    expect(key("Tr0ub4dor&3")).toBe("auth.password.tooShort");
    expect(parseMsg(passwordPolicyIssue("short")!).params).toEqual({ min: 12 });
    expect(key("river-lantern-42")).toBeNull();
  });

  it("refuses common passwords whatever their case", () => {
    expect(isCommonPassword("qwertyuiop123")).toBe(true);
    expect(key("QWERTYUIOP123")).toBe("auth.password.common");
    expect(key("1qaz2wsx3edc")).toBe("auth.password.common");
    expect(key("123qweasdzxc")).toBe("auth.password.common");
  });

  it("refuses a common password padded out with digits or symbols", () => {
    expect(key("Sunshine12345")).toBe("auth.password.common");
    expect(key("password!!!!2024")).toBe("auth.password.common");
    expect(key("sunshine over the harbour")).toBeNull();
  });

  it("is enforced as a ValidationError on the named field", () => {
    expect(() => assertPasswordPolicy("password1234", "newPassword")).toThrow(ValidationError);
    try {
      assertPasswordPolicy("password1234", "newPassword");
    } catch (e) {
      expect((e as ValidationError).issues[0].path).toBe("newPassword");
    }
    expect(() => assertPasswordPolicy("a calm river at dawn")).not.toThrow();
  });

  it("shares the length rule and confirmation with the browser form", () => {
    const ok = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "a calm river at dawn",
      confirmPassword: "a calm river at dawn",
    });
    expect(ok.success).toBe(true);
    const mismatch = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "a calm river at dawn",
      confirmPassword: "a calm river at dusk",
    });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0].path).toEqual(["confirmPassword"]);
    const short = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(short.error?.issues.map((i) => parseMsg(i.message).key)).toContain("auth.password.tooShort");
  });
});
