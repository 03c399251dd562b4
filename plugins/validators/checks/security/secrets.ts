import { isSecretLikeName } from '../../../../core/sandbox/env.ts';
import { baseName, isVendoredOrBuilt, type GeneratedFile } from '../../project.ts';
import type { Finding } from '../../report.ts';

interface KeyPattern {
  what: string;
  regex: RegExp;
  /** Extra test on the match, to tell real keys from placeholders such as `sk-your-key-here`. */
  accept?: (match: string) => boolean;
}

const hasDigitAndLetter = (text: string): boolean => /\d/.test(text) && /[a-zA-Z]/.test(text.replace(/^sk-/, ''));

const KEY_PATTERNS: readonly KeyPattern[] = [
  { what: 'API key (sk-…)', regex: /\bsk-[A-Za-z0-9_-]{20,}/g, accept: hasDigitAndLetter },
  { what: 'AWS access key id', regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { what: 'private key block', regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  { what: 'GitHub token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/g },
  { what: 'Slack token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { what: 'Stripe live key', regex: /\b[rs]k_live_[A-Za-z0-9]{16,}/g },
  { what: 'Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}/g },
];

/** `password = '…'`, `"apiKey": "…"`, `client_secret: '…'`, with the value in quotes on one line. */
const SECRET_ASSIGNMENT =
  /([A-Za-z0-9_$]*(?:password|passwd|pwd|secret|api_?key|auth_?token|access_?token|private_?key)[A-Za-z0-9_$]*)["']?\s*[:=]\s*(["'`])([^"'`\n]{4,}?)\2/gi;
/** Names that hold text about a secret (a label, an error message), not the secret itself. */
const ABOUT_A_SECRET = /(label|placeholder|field|input|hint|error|message|msg|text|type|name|id|url|path|route|header|prompt|policy|length|min|max|regex|pattern|rule|strength|visible|hash|env|var)$/i;
const PLACEHOLDER = /^(x+|\*+|\.+|<[^>]*>|\{\{.*\}\}|change[-_]?me|placeholder|dummy|fake|redacted|none|null|undefined|todo)$/i;
const WORDS_NOT_SECRETS = /\$\{|process\.env|import\.meta|^(your|example|enter|insert|replace)[-_]/i;

/** Env files other than templates: a real `.env` in generated code is a leak waiting to happen. */
const ENV_FILE = /^\.env(\..+)?$/;
const ENV_TEMPLATE = /^\.env\.(example|sample|template|defaults)$/;
/** Lock files are full of hashes and registry URLs that look like keys but are not. */
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb']);

export function redact(secret: string): string {
  return `${secret.slice(0, 4)}… (${secret.length} characters)`;
}

export function secretFindings(files: readonly GeneratedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    if (isVendoredOrBuilt(file.path) || LOCK_FILES.has(baseName(file.path))) continue;
    const envFile = ENV_FILE.test(baseName(file.path)) && !ENV_TEMPLATE.test(baseName(file.path));
    if (envFile) {
      findings.push({
        check: 'security',
        severity: 'warning',
        file: file.path,
        message: `${baseName(file.path)} should not be part of the generated project; ship a .env.example without values`,
        rule: 'env-file',
      });
    }
    const lines = file.content.split('\n');
    for (const [index, text] of lines.entries()) {
      const at = (column: number, message: string, rule: string): void => {
        findings.push({ check: 'security', severity: 'error', file: file.path, line: index + 1, column: column + 1, message, rule });
      };
      const keyColumns: number[] = [];
      for (const pattern of KEY_PATTERNS) {
        for (const match of text.matchAll(pattern.regex)) {
          if (pattern.accept !== undefined && !pattern.accept(match[0])) continue;
          keyColumns.push(match.index);
          at(match.index, `hard-coded ${pattern.what}: ${redact(match[0])}; read it from the environment instead`, 'hardcoded-secret');
        }
      }
      for (const match of text.matchAll(SECRET_ASSIGNMENT)) {
        const [whole, name = '', , value = ''] = match;
        if (ABOUT_A_SECRET.test(name) || PLACEHOLDER.test(value) || WORDS_NOT_SECRETS.test(value) || /\s/.test(value)) continue;
        // A recognised key in the value is already reported, more precisely.
        if (keyColumns.some((column) => column >= match.index && column < match.index + whole.length)) continue;
        at(match.index, `hard-coded value for '${name}': ${redact(value)}; read it from the environment instead`, 'hardcoded-password');
      }
      if (envFile) {
        const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?([^"'#\s]*)/.exec(text);
        const [, name = '', value = ''] = assignment ?? [];
        if (isSecretLikeName(name) && value !== '' && !PLACEHOLDER.test(value) && !WORDS_NOT_SECRETS.test(value)) {
          at(0, `${name} has a value in ${baseName(file.path)}: ${redact(value)}; leave secrets out of generated files`, 'hardcoded-secret');
        }
      }
    }
  }
  return findings;
}
