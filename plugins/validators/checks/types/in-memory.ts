import ts from 'typescript';
import { plural, type GeneratedFile } from '../../project.ts';
import type { Finding } from '../../report.ts';
import { projectProgram } from '../../typescript/project-program.ts';
import { messageText, positionOf, SourceFiles } from '../../typescript/source-files.ts';
import { projectPath } from '../../typescript/virtual-program.ts';
import type { CheckOutcome } from '../outcome.ts';
import { JSX_STAND_IN, preInstallKind, type PreInstallKind } from './pre-install.ts';

/**
 * Type-checks the TypeScript files in memory, before anything is installed. Uses the project's
 * tsconfig options when there is one; diagnostics that only mean "package not installed", and
 * their consequences, are dropped (see `pre-install.ts`), so what remains is about the
 * generated code itself. The full check is tsc after install (`installed.ts`).
 */
export function checkTypesInMemory(files: readonly GeneratedFile[], sources: SourceFiles = new SourceFiles(files)): CheckOutcome {
  const built = projectProgram(sources);
  if (built === undefined) return { skipped: 'no TypeScript files' };
  const { program, roots, configPath } = built;
  const kept: Array<{ source: ts.SourceFile; path: string; diagnostic: ts.Diagnostic; kind: PreInstallKind }> = [];
  let ignored = 0;
  for (const source of program.getSourceFiles()) {
    const path = projectPath(source.fileName);
    if (path === undefined || path === JSX_STAND_IN.path) continue;
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      const kind = preInstallKind(diagnostic);
      if (kind === 'missing-package') ignored++;
      else kept.push({ source, path, diagnostic, kind });
    }
  }
  const findings: Finding[] = [];
  for (const { source, path, diagnostic, kind } of kept) {
    // Project-wide on purpose: an `any` from a missing package travels through imports.
    if (kind === 'implicit-any' && ignored > 0) {
      ignored++;
      continue;
    }
    findings.push({
      check: 'types',
      severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      file: path,
      ...(diagnostic.start === undefined ? {} : positionOf(source, diagnostic.start)),
      message: messageText(diagnostic),
      rule: `TS${diagnostic.code}`,
    });
  }
  const using = configPath === undefined ? 'default options' : configPath;
  return {
    findings,
    summary:
      `${plural(roots.length, 'file')} checked in memory before install, with ${using}; ` +
      `${plural(ignored, 'diagnostic')} about packages that are not installed ignored`,
  };
}
