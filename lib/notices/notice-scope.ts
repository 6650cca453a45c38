// Which recipients see an operation in full: kept free of the database so the filing form can say,
// per recipient, what each will see, by the same rule the notices are built with.

/** Host or added recipients see the operation in full; a conflicting agency only what need-to-know allows. */
export function seesFullNotice(reasons: readonly string[]): boolean {
  return reasons.includes("HOST") || reasons.includes("ADDED");
}
