import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { isSecretLikeName } from '../../../../core/sandbox/env.ts';
import { baseName, isVendoredOrBuilt, type GeneratedFile } from '../../project.ts';
import type { Finding, Tool } from '../../report.ts';
import { toolVersion } from '../tools.ts';

/**
 * Keys and tokens are found by secretlint's recommended rules (cloud keys, tokens of GitHub,
 * Slack, npm, OpenAI and others, private keys, credentials in URLs), reported under its own rule
 * ids. AWS access key ids are scanned too: in generated code even the id alone should not be there.
 */
const SECRETLINT_CONFIG: Parameters<typeof lintSource>[0]['options']['config'] = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: recommended,
      rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
    },
  ],
};

export const SECRET_TOOLS: readonly Tool[] = [toolVersion('@secretlint/core'), toolVersion('@secretlint/secretlint-rule-preset-recommend')];

/**
 * What no secret scanner covers, so it stays here: a secret-named variable assigned a literal
 * (`password = 'hunter22'`) has no recognisable format for a scanner's patterns, and a `.env`
 * file with values is a project-level mistake rather than a pattern in text.
 */

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

export async function secretFindings(files: readonly GeneratedFile[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    if (isVendoredOrBuilt(file.path) || LOCK_FILES.has(baseName(file.path))) continue;
    const keys = await scannedKeys(file);
    findings.push(...keys);
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
      const keyColumns = keys.filter((key) => key.line === index + 1).map((key) => (key.column ?? 1) - 1);
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

/** secretlint's findings in one file; its messages mask the secret. */
async function scannedKeys(file: GeneratedFile): Promise<Finding[]> {
  const result = await lintSource({
    source: { filePath: file.path, content: file.content, contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, maskSecrets: true },
  });
  return result.messages.map((message) => ({
    check: 'security',
    severity: message.severity === 'error' ? 'error' : 'warning',
    file: file.path,
    line: message.loc.start.line,
    // secretlint counts columns from 0.
    column: message.loc.start.column + 1,
    message: `${message.message}; read it from the environment instead`,
    rule: message.ruleId,
  }));
}
