import type ts from 'typescript';
import { isVendoredOrBuilt } from '../project.ts';
import { JSX_STAND_IN } from '../checks/types/pre-install.ts';
import { forChecking, projectCompilerOptions } from './compiler-options.ts';
import { isTypeScriptPath, scriptKindOf, type SourceFiles } from './source-files.ts';
import { createVirtualProgram } from './virtual-program.ts';

export interface ProjectProgram {
  program: ts.Program;
  /** Project paths of the files the program was built from. */
  roots: string[];
  /** Project path of the tsconfig whose options were used, if any. */
  configPath: string | undefined;
}

const programs = new WeakMap<SourceFiles, ProjectProgram | undefined>();

/**
 * The in-memory program of a project's TypeScript files (and JavaScript ones, with checkJs),
 * built once per validation: the type check reads its diagnostics, and the type-aware lint rules
 * its types, so the costly part (binding and checking) is not done twice. Undefined when the
 * project has no such files.
 */
export function projectProgram(sources: SourceFiles): ProjectProgram | undefined {
  if (programs.has(sources)) return programs.get(sources);
  const files = sources.files;
  const { options, configPath } = projectCompilerOptions(files);
  const checkJs = options.allowJs === true && options.checkJs === true;
  const roots = files
    .map((file) => file.path)
    .filter((path) => !isVendoredOrBuilt(path) && (isTypeScriptPath(path) || (checkJs && scriptKindOf(path) !== undefined)));
  let built: ProjectProgram | undefined;
  if (roots.length > 0) {
    const usesJsx = roots.some((path) => /\.[jt]sx$/.test(path));
    const program = usesJsx
      ? createVirtualProgram([...files, JSX_STAND_IN], [...roots, JSX_STAND_IN.path], forChecking(options))
      : createVirtualProgram(files, roots, forChecking(options));
    built = { program, roots, configPath };
  }
  programs.set(sources, built);
  return built;
}
