// Runs in the browser before the app becomes interactive. zod would otherwise probe for `eval`
// (new Function) to compile faster parsers: the page's Content-Security-Policy forbids eval, so the
// probe would be blocked and reported as a violation on every page with a form. Interpreted
// parsing is plenty for the forms' few fields.
import { z } from "zod";

z.config({ jitless: true });
