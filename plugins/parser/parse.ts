import { behaviourWords, detectBehaviours } from './behaviours/detect.ts';
import { notBuiltSentence } from './behaviours/schema.ts';
import { detectConversion } from './conversion.ts';
import { DOMAINS } from './dictionary.ts';
import { chooseDomain, scoreDomains } from './domains/score.ts';
import { addRelations, buildEntities, findEntities, impliedJoins, withDomainCore, type EntityDef } from './entities.ts';
import { MAX_PROMPT_LENGTH, PromptTooLongError, PromptUnsupportedError } from './errors.ts';
import { detectFeatures } from './features.ts';
import { inferEntityFields } from './fields.ts';
import { singularize } from './inflect.ts';
import { detectKind } from './kind.ts';
import { API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FORMAT_WORDS, FRONT_WORDS, FULLSTACK_WORDS, PAGE_WORDS, SITE_WORDS, STOPWORDS } from './lexicon.ts';
import { deriveName } from './naming.ts';
import { normalize, tokenize } from './normalize.ts';
import { detectPages } from './pages.ts';
import { knowledge as builtin, type Knowledge } from './registry.ts';
import { AppSpecSchema, type AppKind, type AppSpec, type CliSpec, type Entity } from './spec.ts';
import { PromptText } from './text.ts';
import { refuseUnsupported } from './unsupported.ts';

export interface ParseResult {
  spec: AppSpec;
  /** Why each decision was taken, in words a person can check against the prompt. */
  notes: string[];
}

export interface ParseOptions {
  /** Domains and behaviours to read the prompt with; the built-in registry by default. */
  knowledge?: Knowledge;
}

const FRAMEWORK: Record<AppKind, AppSpec['framework']> = {
  'react-spa': 'react',
  'rest-api': 'hono',
  fullstack: 'react-hono',
  cli: 'node',
  'static-site': 'html',
};

/**
 * Turns a plain-language request into an AppSpec with rules and data only (no model, no network).
 * The domain is chosen from the whole prompt, words take their sense from it, and what the
 * request needs (logins, shared data) decides the kind unless a kind is named.
 * Throws `PromptTooLongError` past MAX_PROMPT_LENGTH characters and `PromptUnsupportedError`
 * for anything that is not one of the five kinds, rather than guessing an app.
 */
export function parsePrompt(prompt: string, options: ParseOptions = {}): ParseResult {
  if (typeof prompt !== 'string') throw new PromptUnsupportedError('the prompt is not text');
  if (prompt.length > MAX_PROMPT_LENGTH) throw new PromptTooLongError(prompt.length);
  const trimmed = prompt.trim();
  if (trimmed === '') throw new PromptUnsupportedError('the prompt is empty');
  const knowledge = options.knowledge ?? builtin;

  const normalized = normalize(trimmed);
  refuseUnsupported(normalized);
  const tokens = tokenize(normalized);
  const text = new PromptText(normalized, tokens);
  const conversion = detectConversion(normalized);
  const scored = scoreDomains(text, knowledge.domains);
  const chosen = chooseDomain(scored);
  const notes: string[] = [];

  const found = findEntities(text, { domain: chosen, scored, all: knowledge.domains, behaviourWords: behaviourWords(knowledge) });
  const { defs: coreDefs, fromCore } = withDomainCore(found, chosen);
  const defs = [...coreDefs, ...impliedJoins(coreDefs, chosen?.domain)];
  const asked = detectBehaviours(text, knowledge, {
    fromEntities: defs.flatMap((def) => def.behaviours),
    fromDomain: chosen !== undefined && (fromCore || !found.named) ? chosen.domain.behaviours : [],
    conversion: conversion !== undefined,
    entityPositions: found.positions,
  });
  const serverBehaviours = asked.ids.filter((id) => knowledge.behaviour(id)?.needsServer === true);
  const holdsData = [...found.used].some((token) => PAGE_WORDS[token] === undefined && PAGE_WORDS[singularize(token)] === undefined);

  const decision = detectKind({
    text,
    knownSubject: found.known || chosen !== undefined,
    domain: chosen === undefined ? undefined : { id: chosen.domain.id, kind: chosen.domain.kind, strong: chosen.strong },
    conversion: conversion !== undefined,
    serverBehaviours,
    holdsData,
  });
  const kind = decision.kind;
  notes.push(`kind ${kind}: ${decision.because}`);
  if (chosen !== undefined) notes.push(`domain ${chosen.domain.id} (${chosen.matched.join(', ') || 'its entities'})`);

  let cli: CliSpec | undefined;
  if (kind === 'cli') cli = conversion === undefined ? { mode: 'manage' } : { mode: 'convert', ...conversion };
  const unresolved: string[] = [];
  if (conversion !== undefined && kind !== 'cli') {
    unresolved.push(`Conversion from ${conversion.from} to ${conversion.to}: not built — conversions are generated only as command-line tools.`);
  }

  let entities: Entity[] = [];
  const holdsEntities = kind === 'react-spa' || kind === 'rest-api' || kind === 'fullstack' || cli?.mode === 'manage';
  if (holdsEntities) {
    let built: EntityDef[] = defs;
    if (built.length === 0) {
      built = [{ name: 'Item', fields: inferEntityFields('item'), belongsTo: [], behaviours: [] }];
      notes.push('no entity was named: a generic Item list is generated');
    }
    entities = buildEntities(built, found.fields);
    addRelations(entities, built, normalized);
    notes.push(`entities: ${entities.map((entity) => entity.name).join(', ')}${fromCore ? ` (the usual ones of a ${chosen?.domain.title.toLowerCase()})` : ''}`);
  }

  // Behaviours go to the kinds that can hold them; the others say what was left out.
  let behaviours: string[] = [];
  if (kind === 'react-spa' || kind === 'rest-api' || kind === 'fullstack') {
    behaviours = asked.ids.filter((id) => !(kind === 'react-spa' && id === 'auth'));
  } else {
    for (const id of asked.ids) {
      const behaviour = knowledge.behaviour(id);
      if (behaviour === undefined || id === 'search' || id === 'auth') continue;
      unresolved.push(notBuiltSentence({ title: behaviour.title, notBuilt: kind === 'cli' ? 'command-line tools are generated without it' : 'a static site only presents pages' }));
    }
  }
  if (behaviours.length > 0) notes.push(`behaviours: ${behaviours.join(', ')}`);

  const { pages, used: pageWords } = kind === 'static-site' ? detectPages(tokens, chosen?.domain.pages) : { pages: [], used: new Set<string>() };
  const featureDecision = detectFeatures(tokens, kind, entities, cli, asked.ids, behaviours.includes('chat-rooms'));
  unresolved.push(...featureDecision.unresolved);
  const oldDomain = tokens.find((token) => DOMAINS[token] !== undefined);
  const name = deriveName(trimmed, tokens, kind, conversion, { domain: oldDomain, firstEntityPlural: entities[0]?.plural });

  const used = new Set([...found.used, ...asked.used, ...pageWords, ...featureDecision.used, ...name.used, ...(chosen?.matched.flatMap((signal) => signal.split(' ')) ?? [])]);
  const left = leftoverWords(tokens, used, entities);
  if (left.length > 0) notes.push(`words no rule used: ${left.join(', ')}`);

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
    ...(chosen === undefined ? {} : { domain: chosen.domain.id }),
    behaviours,
    unresolved: [...new Set(unresolved)],
  });
  return { spec, notes };
}

const KNOWN_SETS = [API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FRONT_WORDS, FULLSTACK_WORDS, SITE_WORDS, STOPWORDS];

/** Content words no rule used, for the notes: what the parser may have missed. */
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
