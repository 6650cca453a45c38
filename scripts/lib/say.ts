// Friendly, human-readable progress lines for the command-line tooling (not the app's logs).
const useColour = process.stderr.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColour ? `\x1b[${code}m${s}\x1b[0m` : s);

function line(mark: string, message: string): void {
  process.stderr.write(`${mark} ${message}\n`);
}

export const say = {
  step: (message: string) => line(paint("36", "›"), message),
  ok: (message: string) => line(paint("32", "✓"), message),
  warn: (message: string) => line(paint("33", "!"), message),
  fail: (message: string) => line(paint("31", "✗"), message),
  detail: (message: string) => line(" ", paint("2", message)),
};

export type Say = typeof say;

/** A logger that swallows everything, for library callers that want silence. */
export const quiet: Say = { step: () => {}, ok: () => {}, warn: () => {}, fail: () => {}, detail: () => {} };
