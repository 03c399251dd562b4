import type { Plugin } from './define.ts';
import { PluginError, versionMatches } from './registry.ts';

const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const COMPARATOR = /^(?:\^|~|>=|<=|>|<|=)?v?(?:\d+|x|\*)(?:\.(?:\d+|x|\*))?(?:\.(?:\d+|x|\*))?$/;

/** True for a full semver version such as `1.2.3` or `1.2.3-beta.1`. */
export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

/** Throws unless the plugin's own version is semver: workflows pin it with ranges such as `@^1.2`. */
export function checkVersion(plugin: Plugin, source: string): void {
  if (typeof plugin.version === 'string' && isVersion(plugin.version)) return;
  throw new PluginError(
    'plugin_invalid',
    `plugin '${plugin.name}' (${source}) has version '${String(plugin.version)}'; it must be a semver version such as 1.0.0`,
    { plugin: plugin.name, source, version: plugin.version },
  );
}

/**
 * True for a range `versionMatches` understands: space-separated comparators (`^0.1.0`,
 * `>=1.2 <2`, `1.x`, `*`). `||` is not supported, so a range using it is reported rather
 * than silently never matching.
 */
export function isRange(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return parts.length > 0 && parts.every((part) => part === '*' || part === 'x' || COMPARATOR.test(part));
}

/**
 * Throws when a plugin declares a platform range the running platform does not satisfy.
 * The message names the plugin, its range and the platform version, which is all a user
 * needs to pick a compatible release.
 */
export function checkPlatform(plugin: Plugin, platformVersion: string, source: string): void {
  const range = plugin.platform;
  if (range === undefined) return;
  if (typeof range !== 'string' || !isRange(range)) {
    throw new PluginError(
      'plugin_platform_range_invalid',
      `plugin '${plugin.name}' (${source}) declares platform range '${String(range)}', which is not a version range such as '^0.1.0'`,
      { plugin: plugin.name, source, range },
    );
  }
  if (!versionMatches(platformVersion, range)) {
    throw new PluginError(
      'plugin_platform_mismatch',
      `plugin '${plugin.name}' ${plugin.version} (${source}) requires QuantumLayer ${range}, but this is QuantumLayer ${platformVersion}`,
      { plugin: plugin.name, version: plugin.version, source, range, platformVersion },
    );
  }
}
