// The one Node-only file of core/workflow: reading workflow files from disk.
import { readFile } from 'node:fs/promises';
import type { CompiledWorkflow } from '../runner/types.ts';
import { compileWorkflow, type CompileOptions } from './compile.ts';
import { loadWorkflow, type LoadOptions } from './load.ts';
import type { LoadedWorkflow } from './model.ts';

/** Compiles a workflow file; issues name `path` unless `options.file` says otherwise. */
export async function compileWorkflowFile(path: string, options: Omit<CompileOptions, 'file'> & { file?: string }): Promise<CompiledWorkflow> {
  return compileWorkflow(await readFile(path, 'utf8'), { ...options, file: options.file ?? path });
}

export async function loadWorkflowFile(path: string, options: LoadOptions = {}): Promise<LoadedWorkflow> {
  return loadWorkflow(await readFile(path, 'utf8'), { ...options, file: options.file ?? path });
}
