import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.QLAYER_CHROMIUM ?? '/usr/bin/chromium';
export const FFMPEG = process.env.QLAYER_FFMPEG ?? '/usr/bin/ffmpeg';
export const TMUX = process.env.QLAYER_TMUX ?? '/usr/bin/tmux';
export const CAPTION_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Need {
  what: string;
  aptPackage: string;
  ok: () => boolean;
}

function ffmpegHas(kind: '-filters' | '-encoders', name: string): boolean {
  const listed = spawnSync(FFMPEG, ['-hide_banner', kind], { encoding: 'utf8' });
  return listed.status === 0 && new RegExp(`\\s${name}\\s`).test(listed.stdout);
}

const NEEDS: Record<'ui' | 'terminal', Need[]> = {
  ui: [
    { what: `Chromium at ${CHROMIUM}`, aptPackage: 'chromium', ok: () => existsSync(CHROMIUM) },
    { what: `ffmpeg at ${FFMPEG} with drawtext (captions) and libvpx-vp9 (WebM)`, aptPackage: 'ffmpeg', ok: () => existsSync(FFMPEG) && ffmpegHas('-filters', 'drawtext') && ffmpegHas('-encoders', 'libvpx-vp9') },
    { what: `the caption font ${CAPTION_FONT}`, aptPackage: 'fonts-dejavu-core', ok: () => existsSync(CAPTION_FONT) },
  ],
  terminal: [{ what: `tmux at ${TMUX}`, aptPackage: 'tmux', ok: () => existsSync(TMUX) }],
};

/**
 * What the recordings need from Debian, checked before anything starts; what is missing is
 * named with the package that provides it, so the message says what to install.
 */
export function missingPackages(parts: readonly ('ui' | 'terminal')[]): string | undefined {
  const needs = [...new Set(parts.flatMap((part) => (part === 'terminal' ? [...NEEDS.ui, ...NEEDS.terminal] : NEEDS.ui)))];
  const missing = needs.filter((need) => !need.ok());
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((m) => m.aptPackage))];
  return [
    'The demo cannot be recorded: missing',
    ...missing.map((m) => `  - ${m.what} (Debian package ${m.aptPackage})`),
    `Install with: apt-get install -y ${packages.join(' ')}`,
  ].join('\n');
}
