import type { Plugin } from '../core/plugin/define.ts';
import packager from './packager/plugin.ts';
import validators from './validators/plugin.ts';

/** The plugins every QuantumLayer process registers before third-party ones. */
export const builtinPlugins: readonly Plugin[] = [validators, packager];
