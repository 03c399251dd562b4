import type { LlmMessage } from '../../core/llm/index.ts';
import type { Module, ProjectFile } from '../agents/schemas.ts';
import type { AppSpec } from '../parser/spec.ts';
import type { Finding } from '../validators/index.ts';

/**
 * The messages of each agent. They are pure functions of the step input, so a retried or resumed
 * step sends byte-identical requests and core/llm serves them from the run's memo.
 */

export function parseMessages(prompt: string): LlmMessage[] {
  return [
    {
      role: 'system',
      content:
        'You turn a request for software into an AppSpec: the kind of app, its framework, its name, ' +
        'its entities with typed fields, its features and pages. The language is always TypeScript. ' +
        'Put parts of the request you cannot honour into `unresolved`. Explain each decision in one short `notes` entry.',
    },
    { role: 'user', content: prompt },
  ];
}

const CODER_SYSTEM =
  'You are a senior TypeScript engineer writing one module of a generated project. ' +
  'Reply with the complete content of every file you are asked for, and no other file.';

export function generateMessages(spec: AppSpec, module: Module): LlmMessage[] {
  return [
    { role: 'system', content: CODER_SYSTEM },
    {
      role: 'user',
      content: [
        `Module: ${module.name} (${module.description})`,
        'Write exactly these files:',
        ...module.paths.map((path) => `- ${path}`),
        'App spec (JSON):',
        JSON.stringify(spec),
      ].join('\n'),
    },
  ];
}

/** `file:line: message`, the way compilers print it, so the model can find the place. */
export function formatFinding(finding: Finding): string {
  const place = `${finding.file ?? '(project)'}${finding.line === undefined ? '' : `:${finding.line}`}`;
  return `${place}: ${finding.severity}: ${finding.message} [${finding.check}${finding.rule ? ` ${finding.rule}` : ''}]`;
}

export function repairMessages(spec: AppSpec, findings: readonly Finding[], failing: readonly ProjectFile[]): LlmMessage[] {
  return [
    { role: 'system', content: CODER_SYSTEM },
    {
      role: 'user',
      content: [
        `The project "${spec.name.title}" failed validation. Fix these findings:`,
        ...findings.map(formatFinding),
        'Reply with the corrected, complete content of the files that need a change; you may only change these files:',
        ...failing.flatMap((file) => [`=== ${file.path} ===`, file.content]),
      ].join('\n'),
    },
  ];
}
