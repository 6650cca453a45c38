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
