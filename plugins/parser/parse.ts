import { detectConversion } from './conversion.ts';
import { DOMAINS } from './dictionary.ts';
import { addRelations, buildEntities, findEntityNouns } from './entities.ts';
import { MAX_PROMPT_LENGTH, PromptTooLongError, PromptUnsupportedError } from './errors.ts';
import { detectFeatures } from './features.ts';
import { detectKind } from './kind.ts';
import { API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FORMAT_WORDS, FRONT_WORDS, FULLSTACK_WORDS, PAGE_WORDS, SITE_WORDS, STOPWORDS } from './lexicon.ts';
import { deriveName } from './naming.ts';
import { normalize, tokenize } from './normalize.ts';
import { detectPages } from './pages.ts';
import { AppSpecSchema, type AppKind, type AppSpec, type CliSpec, type Entity } from './spec.ts';
import { refuseUnsupported } from './unsupported.ts';

export interface ParseResult {
  spec: AppSpec;
  /** Why each decision was taken, in words a person can check against the prompt. */
  notes: string[];
}

const FRAMEWORK: Record<AppKind, AppSpec['framework']> = {
  'react-spa': 'react',
  'rest-api': 'hono',
  fullstack: 'react-hono',
  cli: 'node',
  'static-site': 'html',
};

/**
 * Turns a plain-language request into an AppSpec with rules only (no model, no network).
 * Throws `PromptTooLongError` past MAX_PROMPT_LENGTH characters and `PromptUnsupportedError`
 * for anything that is not one of the five kinds, rather than guessing an app.
 */
export function parsePrompt(prompt: string): ParseResult {
  if (typeof prompt !== 'string') throw new PromptUnsupportedError('the prompt is not text');
  if (prompt.length > MAX_PROMPT_LENGTH) throw new PromptTooLongError(prompt.length);
  const trimmed = prompt.trim();
  if (trimmed === '') throw new PromptUnsupportedError('the prompt is empty');

  const normalized = normalize(trimmed);
  refuseUnsupported(normalized);
  const tokens = tokenize(normalized);
  const conversion = detectConversion(normalized);
  const found = findEntityNouns(tokens);
  const domain = tokens.find((token) => DOMAINS[token] !== undefined);
  const decision = detectKind({ tokens, knownSubject: found.known, domain, conversion: conversion !== undefined });
  const kind = decision.kind;
  const notes = [`kind ${kind}: ${decision.because}`];

  let cli: CliSpec | undefined;
  if (kind === 'cli') cli = conversion === undefined ? { mode: 'manage' } : { mode: 'convert', ...conversion };
  const unresolved: string[] = [];
  if (conversion !== undefined && kind !== 'cli') unresolved.push(`${conversion.from} to ${conversion.to} conversion (only generated as a command-line tool)`);

  let entities: Entity[] = [];
  const holdsData = kind === 'react-spa' || kind === 'rest-api' || kind === 'fullstack' || cli?.mode === 'manage';
  if (holdsData) {
    entities = buildEntities(found);
    if (entities.length === 0) {
      entities = buildEntities({ nouns: ['item'], known: true, fields: new Map(), used: new Set() });
      notes.push('no entity was named: a generic Item list is generated');
    }
    addRelations(entities, normalized);
    notes.push(`entities: ${entities.map((entity) => entity.name).join(', ')}`);
  }

  const { pages, used: pageWords } = kind === 'static-site' ? detectPages(tokens) : { pages: [], used: new Set<string>() };
  const featureDecision = detectFeatures(tokens, kind, entities, cli);
  unresolved.push(...featureDecision.unresolved);
  const name = deriveName(trimmed, tokens, kind, conversion, { domain, firstEntityPlural: entities[0]?.plural });

  const used = new Set([...found.used, ...pageWords, ...featureDecision.used, ...name.used]);
  for (const word of leftoverWords(tokens, used, entities)) unresolved.push(word);

  const spec = AppSpecSchema.parse({
    kind,
    framework: FRAMEWORK[kind],
    language: 'typescript',
    name: { package: name.package, title: name.title },
    description: trimmed,
    entities,
    features: featureDecision.features,
    pages,
    ...(cli === undefined ? {} : { cli }),
    unresolved,
  });
  return { spec, notes };
}

const KNOWN_SETS = [API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FRONT_WORDS, FULLSTACK_WORDS, SITE_WORDS, STOPWORDS];

/** Content words no rule used: shown to the person so nothing they asked for is silently dropped. */
function leftoverWords(tokens: readonly string[], used: ReadonlySet<string>, entities: readonly Entity[]): string[] {
  const entityWords = new Set(entities.flatMap((entity) => [entity.name.toLowerCase(), entity.plural.toLowerCase()]));
  const left: string[] = [];
  for (const token of tokens) {
    if (used.has(token) || entityWords.has(token) || KNOWN_SETS.some((set) => set.has(token))) continue;
    if (FORMAT_WORDS[token] !== undefined || PAGE_WORDS[token] !== undefined || /^\d+$/.test(token) || token.length < 3) continue;
    if (!left.includes(token)) left.push(token);
  }
  return left;
}
