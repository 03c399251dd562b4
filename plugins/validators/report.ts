import { z } from 'zod';

export const CHECK_NAMES = ['syntax', 'types', 'lint', 'security', 'install', 'build', 'test'] as const;
export const checkNameSchema = z.enum(CHECK_NAMES);
export type CheckName = z.infer<typeof checkNameSchema>;

/** `info` says how a check ran (a registry that could not be reached); it never costs score. */
export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** One problem found by a check. Lines and columns are 1-based, as editors show them. */
export const findingSchema = z.object({
  check: checkNameSchema,
  severity: severitySchema,
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  message: z.string(),
  /** Stable id of what was broken: a lint rule, `TS2322`, `hardcoded-secret`, `test-failed`. */
  rule: z.string().optional(),
  /** The end of a command's output, for install, build and test failures. */
  output: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const checkStatusSchema = z.enum(['passed', 'failed', 'skipped']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** A tool a check ran, at the version that ran. */
export const toolSchema = z.object({ name: z.string(), version: z.string() });
export type Tool = z.infer<typeof toolSchema>;

export const checkResultSchema = z.object({
  name: checkNameSchema,
  /** `failed` when any finding is an error; warnings alone pass. */
  status: checkStatusSchema,
  durationMs: z.number().nonnegative(),
  findings: z.array(findingSchema),
  /** Why a check was skipped, or how it ran (for types: in memory or with tsc after install). */
  summary: z.string().optional(),
  /** The tools the check ran (ESLint and its plugins, secretlint), with their versions. */
  tools: z.array(toolSchema).optional(),
  /** The rules the check applied, by the tools' own ids, sorted. */
  rules: z.array(z.string()).optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const validationReportSchema = z.object({
  checks: z.array(checkResultSchema),
  /** 0 to 100; see `score.ts` for the formula. */
  score: z.number().int().min(0).max(100),
  /** No check failed. */
  passed: z.boolean(),
  /** The package-lock.json that the sandboxed `npm install` wrote, when it ran and passed. */
  lockfile: z.string().optional(),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;
