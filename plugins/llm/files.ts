import { z } from 'zod';
import type { ProjectFile } from '../agents/schemas.ts';

/** A file as the model writes it. */
const answeredFile = z.object({ path: z.string(), content: z.string() });

/**
 * The structured answer of a coder: files whose paths are checked against the ones asked for.
 * The check lives in the schema so that a wrong answer goes back to the model as a repair turn
 * (core/llm) before the step gives up with `llm_output_invalid`.
 */
export function filesAnswerSchema(allowed: readonly string[], mode: 'exactly' | 'subset') {
  return z.object({ files: z.array(answeredFile) }).superRefine((answer, ctx) => {
    for (const problem of pathProblems(answer.files, allowed, mode)) ctx.addIssue({ code: 'custom', path: ['files'], message: problem });
  });
}

/** What is wrong with the paths of an answer; empty when nothing is. */
export function pathProblems(files: readonly { path: string }[], allowed: readonly string[], mode: 'exactly' | 'subset'): string[] {
  const wanted = new Set(allowed);
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { path } of files) {
    if (!wanted.has(path)) problems.push(`unexpected file ${path}; allowed: ${allowed.join(', ')}`);
    else if (seen.has(path)) problems.push(`file ${path} appears twice`);
    seen.add(path);
  }
  if (mode === 'exactly') {
    for (const path of allowed) if (!seen.has(path)) problems.push(`missing file ${path}`);
  }
  return problems;
}

/** `files` with the replacements applied (by path, order kept) and the paths whose content changed. */
export function applyReplacements(files: readonly ProjectFile[], replacements: readonly ProjectFile[]): { files: ProjectFile[]; changed: string[] } {
  const byPath = new Map(replacements.map((file) => [file.path, file.content]));
  const changed: string[] = [];
  const next = files.map((file) => {
    const content = byPath.get(file.path);
    if (content === undefined || content === file.content) return file;
    changed.push(file.path);
    return { path: file.path, content };
  });
  return { files: next, changed };
}
