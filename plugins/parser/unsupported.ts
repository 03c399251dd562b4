import { PromptUnsupportedError } from './errors.ts';

/**
 * Requests that must not turn into an app at all: other platforms, other languages, things
 * that are not CRUD software. Checked first, so "a mobile iOS todo app" is refused rather
 * than quietly turned into a web app.
 */
const REFUSALS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:ios|iphone|ipad|android|mobileapp|reactnative|flutter|swiftui|xamarin|watchos|apple watch)\b/, 'mobile apps are not supported, only web apps, APIs, CLIs and static sites'],
  [/\b(?:kernel|operatingsystem|bootloader|devicedriver|firmware|microcontroller|arduino)\b/, 'operating systems, kernels, drivers and firmware are not supported'],
  [/\b(?:desktopapp|electron|tauri|winforms|wpf)\b/, 'desktop apps are not supported'],
  [/\b(?:browserextension|vscode extension|plugin for)\b/, 'browser and editor extensions are not supported'],
  [/\b(?:blockchain|smartcontract|nft|solidity|cryptocurrency)\b/, 'blockchain software is not supported'],
  [/\b(?:machinelearning|neural network|deep learning|train(?:ing)? a model|llm|chatbot|chat bot|gpt)\b/, 'machine-learning models and chatbots are not supported'],
  [/\b(?:discord|slack|telegram|twitter|whatsapp) bot\b/, 'chat bots are not supported'],
  [/\b(?:malware|virus|keylogger|ransomware|exploit|ddos|botnet|phishing)\b/, 'malicious software is not generated'],
  [/\b(?:weather|stock prices?|stock market|stock ticker|crypto prices?|live scores?|news feed|rss reader)\b/, 'apps that need live data from the internet are not supported offline'],
  [/\b(?:compiler|interpreter|emulator|virtual machine|database engine)\b/, 'compilers, emulators and database engines are not supported'],
  [/\b(?:3d|vr|ar|unity|unreal|godot|shader)\b/, '3D, VR and game-engine software is not supported'],
  [/\b(?:vue|angular|svelte|solidjs|ember|jquery|htmx)\b/, 'only React is supported for front ends'],
  [/\b(?:django|flask|fastapi|laravel|symfony|spring boot|ruby on rails|asp)\b/, 'only Node.js (Hono) back ends are supported'],
  [/\b(?:python|golang|php|kotlin|cplusplus|csharp|dotnet|haskell)\b/, 'only TypeScript on Node.js is generated'],
  // Words that are also names or ordinary English count only after "in/with/using/written in".
  [/\b(?:in|with|using) (?:go|java|rust|ruby|swift|scala|elixir|lua|dart|perl|rails|c)\b/, 'only TypeScript on Node.js is generated'],
  [/\bbash script\b/, 'only TypeScript on Node.js is generated'],
];

/** Games are refused unless they are data in a tracker ("a video game collection tracker"). */
const GAME = /\b(?:game|games)\b/;
const GAME_AS_DATA = /\b(?:quiz|trivia|studio|landingpage|board game|board games|boardgames?|tracker|collection|catalog|catalogue|library|list|backlog|inventory|database|api|store|shop|reviews?|wishlist)\b/;

export function refuseUnsupported(normalized: string): void {
  for (const [pattern, reason] of REFUSALS) {
    if (pattern.test(normalized)) throw new PromptUnsupportedError(reason);
  }
  if (GAME.test(normalized) && !GAME_AS_DATA.test(normalized)) throw new PromptUnsupportedError('games are not supported');
}
