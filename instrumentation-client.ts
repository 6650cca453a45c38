// Runs in the browser before the app becomes interactive. zod would otherwise probe for `eval`
// (new Function) to compile faster parsers: the page's Content-Security-Policy forbids eval, so the
// probe would be blocked and reported as a violation on every page with a form. Interpreted
// parsing is plenty for the forms' few fields.
// Only zod's configuration is imported here (its global settings, shared with the full library a
// form's chunk brings): this file is part of every page, and most pages have no form to validate.
import { config } from "zod/v4/core";

config({ jitless: true });
