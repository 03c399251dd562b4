import { PromptUnsupportedError } from './errors.ts';
import { API_WORDS, APP_NOUNS, BUILD_VERBS, CLI_WORDS, DB_WORDS, FRONT_WORDS, FULLSTACK_WORDS, SHARED_USE, SITE_WORDS } from './lexicon.ts';
import type { AppKind } from './spec.ts';
import type { PromptText } from './text.ts';

export interface KindSignals {
  text: PromptText;
  /** A dictionary or domain noun was found (todo, books, a bookstore). */
  knownSubject: boolean;
  /** The domain the prompt was read in, with the kind it usually is. */
  domain: { id: string; kind: AppKind; strong: boolean } | undefined;
  conversion: boolean;
  /** Behaviours asked for that keep state shared between people (accounts, bookings, votes…). */
  serverBehaviours: readonly string[];
  /** The prompt names things the app holds (not pages). */
  holdsData: boolean;
}

export interface KindDecision {
  kind: AppKind;
  because: string;
}

/**
 * Decides what to build. Explicit kind words win ("API", "full-stack", "CLI", "static",
 * "single-page app"); then needs: login, several users or shared data need a server, so
 * a "site" that books rooms or an app where people vote is full-stack; a site that only
 * presents is static; otherwise the domain's usual kind, and a plain "tracker" is a React app.
 */
export function detectKind({ text, knownSubject, domain, conversion, serverBehaviours, holdsData }: KindSignals): KindDecision {
  const tokens = text.tokens;
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
  if (db !== undefined && appNoun !== undefined && appNoun !== 'database') return { kind: 'fullstack', because: `an app ("${appNoun}") with a database ("${db}")` };
  if (db !== undefined) return { kind: 'rest-api', because: `a database ("${db}") without a front end` };

  const shared = SHARED_USE.find((phrase) => text.has(phrase));
  const need = serverBehaviours[0] !== undefined ? `${serverBehaviours.join(', ')} needs a server` : shared !== undefined ? `"${shared}" means several people share the data` : undefined;
  if (tokens.includes('static')) return { kind: 'static-site', because: '"static" was asked for' };
  if (tokens.includes('spa')) return { kind: 'react-spa', because: 'a single-page app was asked for' };
  if (domain?.kind === 'static-site' && domain.strong && need === undefined) return { kind: 'static-site', because: `a ${domain.id} is a static site` };

  if (site !== undefined) {
    if (need !== undefined) return { kind: 'fullstack', because: `a site where ${need}` };
    if (holdsData && domain !== undefined && domain.kind !== 'static-site') return { kind: domain.kind === 'react-spa' && front !== undefined ? 'react-spa' : 'fullstack', because: `a site that holds ${domain.id} data` };
    if (front !== undefined) return { kind: 'react-spa', because: `a website built with "${front}"` };
    return { kind: 'static-site', because: `"${site}" was asked for and nothing in it needs a server` };
  }
  if (front !== undefined) {
    if (need !== undefined) return { kind: 'fullstack', because: `"${front}" was asked for and ${need}` };
    return { kind: 'react-spa', because: `"${front}" was asked for` };
  }
  if (need !== undefined) return { kind: 'fullstack', because: need };
  if (domain !== undefined) return { kind: domain.kind, because: `a ${domain.id} app is usually ${domain.kind}` };
  if (appNoun !== undefined) return { kind: 'react-spa', because: `an app ("${appNoun}") with no other kind named` };
  if (knownSubject && tokens.some((token) => BUILD_VERBS.has(token))) return { kind: 'react-spa', because: 'a request to build something for a known subject' };
  throw new PromptUnsupportedError('no app, API, command-line tool or website was recognized in the prompt');
}
