/**
 * Lower-cases a prompt and folds the ways people spell one term into one token, so the rules
 * can match words instead of phrases: `to-do list` → `todo list`, `full stack` → `fullstack`.
 */

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bto[\s-]do'?s\b/g, 'todos'],
  [/\bto-do\b/g, 'todo'],
  [/\bto do (list|app|items?|tracker|manager)\b/g, 'todo $1'],
  [/\bfull[\s-]stack\b/g, 'fullstack'],
  [/\bcommand[\s-]line(?:\s+interface)?\b/g, 'commandline'],
  [/\bsingle[\s-]page(?:\s+app(?:lication)?)?\b/g, 'spa'],
  [/\bfront[\s-]end\b/g, 'frontend'],
  [/\bback[\s-]end\b/g, 'backend'],
  [/\bweb[\s-]site(s?)\b/g, 'website$1'],
  [/\bweb[\s-]app(?:lication)?s?\b/g, 'webapp'],
  [/\bweb[\s-]pages?\b/g, 'webpage'],
  [/\bweb[\s-]service\b/g, 'webservice'],
  [/\blanding[\s-]pages?\b/g, 'landingpage'],
  [/\bhome[\s-]?pages?\b/g, 'home'],
  [/\be-?commerce\b/g, 'ecommerce'],
  [/\bonline (shop|store)\b/g, 'webshop'],
  [/\b(?:log|sign)[\s-]?in\b/g, 'login'],
  [/\bsign(?:s|ed)?[\s-]?up for\b/g, 'register for'],
  [/\bsign[\s-]?up\b/g, 'signup'],
  [/\blocal[\s-]?storage\b/g, 'localstorage'],
  [/\bdark[\s-]?mode\b/g, 'darkmode'],
  [/\bdrag[\s-](?:and|&|n)[\s-]drop\b/g, 'draganddrop'],
  [/\breal[\s-]?time\b/g, 'realtime'],
  [/\breact[\s-]native\b/g, 'reactnative'],
  [/\breact(?:\.js|js)\b/g, 'react'],
  [/\bnode(?:\.js|js)\b/g, 'node'],
  [/\bnext(?:\.js|js)\b/g, 'nextjs'],
  [/\bvue(?:\.js|js)?\b/g, 'vue'],
  [/\btype[\s-]?script\b/g, 'typescript'],
  [/\bjava[\s-]?script\b/g, 'javascript'],
  [/\boperating[\s-]system\b/g, 'operatingsystem'],
  [/\baddress[\s-]book\b/g, 'addressbook'],
  [/\bblog[\s-]posts\b/g, 'posts'],
  [/\bblog[\s-]post\b/g, 'post'],
  [/\bdue[\s-]dates?\b/g, 'duedate'],
  [/\bjson[\s-]lines\b/g, 'jsonl'],
  [/\bmark[\s-]down\b/g, 'markdown'],
  [/\bc\+\+/g, 'cplusplus'],
  [/\bc#/g, 'csharp'],
  [/\.net\b/g, 'dotnet'],
  [/\brest[\s-]?ful\b/g, 'rest'],
  [/\bcrud[\s-]api\b/g, 'crudapi'],
  [/\bmachine[\s-]learning\b/g, 'machinelearning'],
  [/\bsmart[\s-]contracts?\b/g, 'smartcontract'],
  [/\b(?:browser|chrome|firefox)[\s-]extensions?\b/g, 'browserextension'],
  [/\bdesktop[\s-]app(?:lication)?s?\b/g, 'desktopapp'],
  [/\bmobile[\s-]app(?:lication)?s?\b/g, 'mobileapp'],
  [/\bdevice[\s-]drivers?\b/g, 'devicedriver'],
  [/\bsort(?:ed|ing)? by\b/g, 'orderby'],
  [/\border(?:ed)? by\b/g, 'orderby'],
  [/\buser accounts?\b/g, 'accounts'],
  [/\bhuman resources\b/g, 'hr'],
  [/\bbook[\s-]?(?:store|shop)s?\b/g, 'bookstore'],
  [/\bweb[\s-]?shop\b/g, 'webshop'],
  [/\bhelp[\s-]?desk\b/g, 'helpdesk'],
  [/\bwatch[\s-]?list\b/g, 'watchlist'],
  [/\bflash[\s-]?cards?\b/g, 'flashcards'],
  [/\bapi[\s-]reference\b/g, 'apireference'],
  [/\bgetting[\s-]started\b/g, 'gettingstarted'],
  [/\be[\s-]learning\b/g, 'elearning'],
  [/\bcheck(?:ing|s)? (?:them|it|each|habits?) off\b/g, 'check off'],
];

export function normalize(prompt: string): string {
  let text = prompt.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  return text;
}

/** Words of a normalized prompt, in order; punctuation and possessive `'s` dropped. */
export function tokenize(normalized: string): string[] {
  return normalized
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
