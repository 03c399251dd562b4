import { isVendoredOrBuilt, plural, type GeneratedFile } from '../../project.ts';
import type { Finding } from '../../report.ts';
import { forChecking, projectCompilerOptions } from '../../typescript/compiler-options.ts';
import { isTypeScriptPath, messageText, positionOf, scriptKindOf } from '../../typescript/source-files.ts';
import { createVirtualProgram, projectPath } from '../../typescript/virtual-program.ts';
import type { CheckOutcome } from '../outcome.ts';
import { preInstallVerdict } from './pre-install.ts';

/**
 * Type-checks the TypeScript files in memory, before anything is installed. Uses the project's
 * tsconfig options when there is one; diagnostics that only mean "package not installed" are
 * dropped (see `pre-install.ts`), so what remains is about the generated code itself.
 */
export function checkTypesInMemory(files: readonly GeneratedFile[]): CheckOutcome {
  const { options, configPath } = projectCompilerOptions(files);
  const checkJs = options.allowJs === true && options.checkJs === true;
  const roots = files
    .map((file) => file.path)
    .filter((path) => !isVendoredOrBuilt(path) && (isTypeScriptPath(path) || (checkJs && scriptKindOf(path) !== undefined)));
  if (roots.length === 0) return { skipped: 'no TypeScript files' };

  const program = createVirtualProgram(files, roots, forChecking(options));
  const findings: Finding[] = [];
  let ignored = 0;
  for (const source of program.getSourceFiles()) {
    const path = projectPath(source.fileName);
    if (path === undefined) continue;
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      const verdict = preInstallVerdict(diagnostic);
      if (verdict === 'ignore') {
        ignored++;
        continue;
      }
      findings.push({
        check: 'types',
        severity: verdict,
        file: path,
        ...(diagnostic.start === undefined ? {} : positionOf(source, diagnostic.start)),
        message: messageText(diagnostic),
        rule: `TS${diagnostic.code}`,
      });
    }
  }
  const using = configPath === undefined ? 'default options' : configPath;
  return {
    findings,
    summary: `${plural(roots.length, 'file')} checked in memory before install, with ${using}; ${plural(ignored, 'diagnostic')} about packages that are not installed ignored`,
  };
}
