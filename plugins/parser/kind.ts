import { PromptUnsupportedError } from './errors.ts';
import { API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FRONT_WORDS, FULLSTACK_WORDS, SITE_WORDS } from './lexicon.ts';
import type { AppKind } from './spec.ts';

export interface KindSignals {
  tokens: readonly string[];
  /** A dictionary noun or domain was found (todo, books, a bookstore). */
  knownSubject: boolean;
  /** A domain word that is an app by itself: a blog, a CRM, a calendar. */
  domain: string | undefined;
  conversion: boolean;
}

export interface KindDecision {
  kind: AppKind;
  because: string;
}

/**
 * Decides what to build. Explicit words win over implied ones: "full-stack" beats everything,
 * a front end plus a back end means full-stack, and a plain noun like "tracker" means a React app.
 */
export function detectKind({ tokens, knownSubject, domain, conversion }: KindSignals): KindDecision {
  const found = (set: ReadonlySet<string>): string | undefined => tokens.find((token) => set.has(token));
  const fullstack = found(FULLSTACK_WORDS);
  if (fullstack !== undefined) return { kind: 'fullstack', because: `"${fullstack}" was asked for` };

  const front = found(FRONT_WORDS);
  const api = found(API_WORDS);
  const db = found(DB_WORDS);
  const appNoun = found(APP_NOUNS);
  const site = found(SITE_WORDS);
  if (front !== undefined && (api ?? db) !== undefined) return { kind: 'fullstack', because: `a front end ("${front}") and a back end ("${api ?? db}")` };

  const cli = found(CLI_WORDS);
  if (cli !== undefined) return { kind: 'cli', because: `"${cli}" was asked for` };
  if (conversion && front === undefined && site === undefined && api === undefined) return { kind: 'cli', because: 'a file format conversion' };

  if (api !== undefined) return { kind: 'rest-api', because: `"${api}" was asked for` };
  if (db !== undefined && (appNoun !== undefined && appNoun !== 'database')) return { kind: 'fullstack', because: `an app ("${appNoun}") with a database ("${db}")` };
  if (db !== undefined) return { kind: 'rest-api', because: `a database ("${db}") without a front end` };

  if (site !== undefined) {
    if (front !== undefined) return { kind: 'react-spa', because: `a website built with "${front}"` };
    return { kind: 'static-site', because: `"${site}" was asked for` };
  }
  if (front !== undefined) return { kind: 'react-spa', because: `"${front}" was asked for` };
  if (appNoun !== undefined) return { kind: 'react-spa', because: `an app ("${appNoun}") with no other kind named` };
  if (domain !== undefined) return { kind: 'react-spa', because: `"${domain}" names an app` };
  if (knownSubject && tokens.some((token) => BUILD_VERBS.has(token))) return { kind: 'react-spa', because: 'a request to build something for a known subject' };
  throw new PromptUnsupportedError('no app, API, command-line tool or website was recognized in the prompt');
}
