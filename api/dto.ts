import type { ApiKeyInfo } from '../core/auth/index.ts';
import type { PluginInfo } from '../core/plugin/registry.ts';
import type { PreviewInfo } from '../core/preview/types.ts';
import type { ArtifactInfo } from '../core/runner/sql/artifacts.ts';
import type { RunEvent, RunRecord, StepRecord } from '../core/runner/types.ts';

/** Records as they leave the API: dates as ISO strings, absent values as null. */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

export function runDto(run: RunRecord) {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowName: run.workflowName,
    status: run.status,
    input: run.input ?? null,
    output: run.output ?? null,
    error: run.error,
    idempotencyKey: run.idempotencyKey,
    createdAt: iso(run.createdAt),
    finishedAt: isoOrNull(run.finishedAt),
  };
}

export function stepDto(step: StepRecord) {
  return {
    key: step.key,
    kind: step.kind,
    parentKey: step.parentKey,
    uses: step.uses,
    status: step.status,
    attempt: step.attempt,
    maxAttempts: step.maxAttempts,
    output: step.output ?? null,
    error: step.error,
    createdAt: iso(step.createdAt),
    startedAt: isoOrNull(step.startedAt),
    finishedAt: isoOrNull(step.finishedAt),
  };
}

export function eventDto(event: RunEvent) {
  return { id: event.id, runId: event.runId, stepKey: event.stepKey, type: event.type, data: event.data ?? null, at: iso(event.at) };
}

export function artifactDto(a: ArtifactInfo) {
  return { name: a.name, contentType: a.contentType, size: a.size, sha256: a.sha256, createdAt: iso(a.createdAt) };
}

export function pluginDto(p: PluginInfo) {
  return {
    name: p.name,
    version: p.version,
    description: p.description ?? null,
    source: p.source,
    steps: p.steps.map((s) => ({ uses: s.uses, step: s.step, description: s.description ?? null, inputSchema: s.inputSchema, outputSchema: s.outputSchema })),
  };
}

export function apiKeyDto(k: ApiKeyInfo) {
  return { id: k.id, name: k.name, scope: k.scope, createdAt: iso(k.createdAt), revokedAt: isoOrNull(k.revokedAt), lastUsedAt: isoOrNull(k.lastUsedAt) };
}

/** `url` is absolute, on the previews' own origin (see ServedPreviews), so a client can open it as it is. */
export function previewDto(preview: PreviewInfo, origin: string) {
  return {
    status: preview.status,
    url: new URL(preview.path, origin).href,
    kind: preview.kind,
    ...(preview.output === undefined ? {} : { output: preview.output }),
  };
}
