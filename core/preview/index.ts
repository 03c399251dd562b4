/**
 * Live previews of generated apps: installed, built and started in a sandbox, served or proxied
 * by the API at /preview/<run id>/. See docs/preview.md.
 */
export { PreviewManager, type PreviewManagerOptions } from './manager.ts';
export { runSource, type PreviewSource } from './source.ts';
export { previewSegments } from './request-path.ts';
export { serveStatic } from './static.ts';
export { PreviewStartError, PreviewUnavailableError, PreviewsUnsupportedError, requirePreviews } from './errors.ts';
export { previewPrefix, type PreviewControl, type PreviewInfo, type PreviewKind, type PreviewSettings, type PreviewStatus, type PreviewTarget } from './types.ts';
export { readApiSummary, summarize, type ApiSummary } from './api-summary.ts';
export { fetchUpstream } from './upstream.ts';
