import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "bench/out/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "components/**/*.tsx"],
    rules: { "no-console": "error" },
  },
  {
    // The domain layer stays framework-free so every function runs in a plain test.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "next-auth", "next-auth/*", "@/app/*", "@/components/*", "react"],
              message: "lib/ must not import the framework, app/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The production server imports nothing from app/ (it loads the route modules by path at run
    // time): what it shares with the route handlers lives in lib/http.
    files: ["server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "**/app/*", "**/_lib/*", "**/_components/*", "**/_i18n/*", "@/components/*"],
              message: "server/ must not import app/ or components/; move what it needs to lib/http or lib/<domain>.",
            },
          ],
        },
      ],
    },
  },
  {
    // The public record links with plain <a>: each view is a whole page the production server
    // answers from memory (lib/public-record/page-server.ts), with no client-side navigation or
    // prefetching that would render per request, and the site works without JavaScript.
    files: ["app/transparency/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // Every spec runs under the guard that fails a test on any Content-Security-Policy violation.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Import test from ./support/csp-guard, which checks every page for CSP violations.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
