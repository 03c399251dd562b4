import type { Finding } from '../../report.ts';

const LOCATED = /^(.+?)\((\d+),(\d+)\): (error|warning) TS(\d+): (.*)$/;
const GLOBAL = /^(error|warning) TS(\d+): (.*)$/;

/** Findings from `tsc --pretty false` output; indented lines continue the previous message. */
export function parseTscOutput(output: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    if (located !== null) {
      const [, file = '', lineNumber = '1', column = '1', severity, code = '', message = ''] = located;
      findings.push({
        check: 'types',
        severity: severity === 'warning' ? 'warning' : 'error',
        file: file.replace(/\\/g, '/').replace(/^\.\//, ''),
        line: Number(lineNumber),
        column: Number(column),
        message,
        rule: `TS${code}`,
      });
      continue;
    }
    const global = GLOBAL.exec(line);
    if (global !== null) {
      const [, severity, code = '', message = ''] = global;
      findings.push({ check: 'types', severity: severity === 'warning' ? 'warning' : 'error', message, rule: `TS${code}` });
      continue;
    }
    const previous = findings.at(-1);
    if (previous !== undefined && /^\s+\S/.test(line)) previous.message += `\n${line.trim()}`;
  }
  return findings;
}
