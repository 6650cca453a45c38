// Conflicts in real Chromium: each side sees whom to call but not the other operation's title,
// type or notes; supervisors acknowledge and propose the outcome; liaisons read only; and a third
// agency gets the not-found page for the conflict's address. Accessibility scans of the queue
// and the conflict page.
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import {
  enterVertices,
  expectNoSeriousA11yViolations,
  expectNotFound,
  fileAndOpen,
  fillOperation,
  signedInPage,
  squareAround,
  wallTime,
} from "./operations-fixtures";

// Two agencies' browsers, filings, live updates and email on a shared two-core machine.
test.setTimeout(300_000);

test.afterAll(async () => {
  await closeE2eRun();
});

test("need to know: the counterpart sees contact and comms only; supervisors acknowledge and propose; others get not found", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const theirTitle = `Harbor sweep ${tag}`;
  const theirNotes = `Confidential staging detail ${tag}`;
  const ourTitle = `Courthouse warrant ${tag}`;

  // Chicago PD files a surveillance operation downtown.
  const cpd = await signedInPage(browser, "chicago-pd", ["SUPERVISOR"]);
  await cpd.goto("/operations/new");
  await fillOperation(cpd, {
    title: theirTitle,
    type: "SURVEILLANCE",
    startsAt: await wallTime(cpd, 6, 8),
    endsAt: await wallTime(cpd, 6, 16),
    commander: "Sgt. Lena Ortiz",
    phone: "+1 312-555-0188",
    comms: "CPD Zone 10 command; interop on IL-CALL.",
    notes: theirNotes,
  });
  await enterVertices(cpd, squareAround(41.88, -87.63, 1));
  await fileAndOpen(cpd);

  // The sheriff's office files an overlapping one; the conflict is recorded on filing.
  const cook = await signedInPage(browser, "cook-sheriff", ["SUPERVISOR"]);
  await cook.goto("/operations/new");
  await fillOperation(cook, {
    title: ourTitle,
    startsAt: await wallTime(cook, 6, 10),
    endsAt: await wallTime(cook, 6, 12),
    commander: "Lt. Sam Reyes",
    phone: "+1 773-555-0199",
    comms: "CCSO Tac 2.",
  });
  await enterVertices(cook, squareAround(41.885, -87.625, 1));
  await expect(
    cook.getByTestId("conflict-preview-item").filter({ hasText: "Chicago Police Department" }),
  ).toBeVisible();
  await fileAndOpen(cook);

  // The queue lists it; the conflict page shows whom to call, and nothing else of theirs.
  await cook.goto("/conflicts");
  const row = cook.getByTestId("conflict-row").filter({ hasText: ourTitle });
  await expect(row).toHaveAttribute("data-status", "OPEN");
  await expect(row).toContainText("Chicago Police Department");
  await expectNoSeriousA11yViolations(cook);
  await row.getByTestId("conflict-link").click();
  await cook.waitForURL(/\/conflicts\/[0-9a-f-]{36}$/);
  const conflictUrl = new URL(cook.url()).pathname;
  const contact = cook.getByTestId("counterpart-contact");
  await expect(contact).toContainText("Chicago Police Department");
  await expect(contact).toContainText("Sgt. Lena Ortiz");
  await expect(contact).toContainText("+1 312-555-0188");
  await expect(contact).toContainText("CPD Zone 10 command; interop on IL-CALL.");
  const body = cook.locator("body");
  await expect(body).not.toContainText(theirTitle);
  await expect(body).not.toContainText(theirNotes);
  await expect(body).not.toContainText("Surveillance");
  await expect(cook.getByTestId("own-operation-link")).toContainText(ourTitle);
  await expect(cook.getByTestId("conflict-facts")).toContainText("The areas overlap");
  await expectNoSeriousA11yViolations(cook);

  // A supervisor acknowledges for their side.
  await expect(cook.getByTestId("ack-own")).toHaveText("Not yet acknowledged");
  await cook.getByTestId("acknowledge").click();
  await expect(cook.getByTestId("ack-own")).toContainText("Acknowledged");
  await expect(cook.getByTestId("acknowledge")).toHaveCount(0);

  // A third agency cannot reach the conflict at all.
  const dupage = await signedInPage(browser, "dupage-sheriff", ["SUPERVISOR"]);
  await dupage.goto(conflictUrl);
  await expectNotFound(dupage);
  await expect(dupage.locator("body")).not.toContainText("Sgt. Lena Ortiz");
  await expect(dupage.locator("body")).not.toContainText(ourTitle);

  // The other side sees the sheriff's contact (not its title), the acknowledgment, and proposes the outcome.
  await cpd.goto(conflictUrl);
  await expect(cpd.getByTestId("counterpart-contact")).toContainText("Cook County Sheriff's Office");
  await expect(cpd.getByTestId("counterpart-contact")).toContainText("Lt. Sam Reyes");
  await expect(cpd.locator("body")).not.toContainText(ourTitle);
  await expect(cpd.getByTestId("ack-counterpart")).toContainText("Acknowledged");
  await cpd.getByTestId("propose").click();
  await expect(cpd.getByTestId("error-outcome")).toHaveText("Choose how the conflict was resolved.");
  await cpd.getByRole("combobox", { name: "Outcome", exact: true }).selectOption("PROCEED_SEPARATELY");
  await cpd
    .getByRole("textbox", { name: "Note", exact: true })
    .fill("Spoke with Lt. Reyes; staging moved two blocks north.");
  await cpd.getByTestId("propose").click();
  await expect(cpd.getByTestId("conflict-proposal")).toContainText("Proceed separately");
  await expect(cpd.getByTestId("conflict-proposal")).toHaveAttribute("data-by", "OWN");
  await expect(cpd.getByTestId("conflict-status")).toHaveAttribute("data-status", "OPEN");

  // A liaison of the sheriff's office sees the proposal read-only: a supervisor or chief answers it.
  const liaison = await signedInPage(browser, "cook-sheriff", ["LIAISON"]);
  await liaison.goto(conflictUrl);
  await expect(liaison.getByTestId("conflict-proposal")).toContainText("staging moved two blocks north");
  await expect(liaison.getByTestId("acknowledge")).toHaveCount(0);
  await expect(liaison.getByTestId("confirm")).toHaveCount(0);
  await expect(liaison.getByTestId("contest-form")).toHaveCount(0);
  await liaison.goto("/conflicts");
  await expect(liaison.getByTestId("queue-read-only")).toBeVisible();
  const liaisonRow = liaison.getByTestId("conflict-row").filter({ hasText: ourTitle });
  await expect(liaisonRow).toHaveAttribute("data-status", "OPEN");
  await expect(liaisonRow.getByTestId("conflict-awaiting")).toHaveAttribute("data-awaiting", "OWN");
});
