import type { Plugin } from '../core/plugin/define.ts';
import agents from './agents/plugin.ts';
import templates from './generator-templates/plugin.ts';
import llm from './llm/plugin.ts';
import packager from './packager/plugin.ts';
import parser from './parser/plugin.ts';
import reviser from './reviser/plugin.ts';
import validators from './validators/plugin.ts';

/** The plugins every QuantumLayer process registers before third-party ones. */
export const builtinPlugins: readonly Plugin[] = [parser, agents, templates, validators, packager, llm, reviser];
