// Builds the Teams app package: fills appPackage/manifest.template.json from the packaging
// settings, validates it (and its localization files) offline, and zips it with the icons.
// `npm run teams:package` (package.mjs) is the command; this module is what it and the
// tests share.
//
// The packaging settings have their own small zod schema rather than bot/config.ts's:
// building the package needs the bot's app id but must not need its client secret, which
// loadConfig() requires as soon as an app id is set.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Microsoft's own validator (Microsoft 365 Agents Toolkit), with the Teams schemas v1.0–1.30
// in its package: it loads the one a manifest's $schema names from there, offline. It uses
// fs-extra without declaring it, hence fs-extra in our devDependencies.
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { z } from 'zod';
import { readPngHeader } from './png.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const APP_PACKAGE_DIR = path.join(projectRoot, 'appPackage');
/** Where @microsoft/app-manifest keeps the schemas it ships (json-schemas/teams/v1.29/…). */
export const SHIPPED_SCHEMAS_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas');
export const PACKAGE_PATH = path.join(projectRoot, 'dist', 'teams', 'renewal-bot-teams.zip');
/** Pixel sizes Teams requires of the two icons. */
export const ICON_SIZES = { color: 192, outline: 32 };

/** The packaging settings are missing or wrong; the message is one line naming each variable. */
export class PackageConfigError extends Error {
  name = 'PackageConfigError';
}
/** The schema a file names in its $schema is not shipped by @microsoft/app-manifest, so nothing can be validated offline. */
export class SchemaMissingError extends Error {
  name = 'SchemaMissingError';
}
/** The filled manifest, a localization file or an icon breaks Teams' rules. */
export class ManifestError extends Error {
  name = 'ManifestError';
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A host name as Teams' validDomains takes it: no scheme, no path; `*.` and a port allowed. */
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?(:\d{1,5})?$/i;
/** Namespace of the UUID v5 that turns a bot id into a default Teams app id. Never change it: the app id would change too. */
const APP_ID_NAMESPACE = '0d169ba9-385c-40cc-9364-e99fd8315a40';

const blankIsUnset = (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const required = (what) => ({ error: (issue) => (issue.input === undefined ? `required (${what})` : 'must be a string') });

function isPublicHttpsUrl(value) {
  if (!URL.canParse(value) || value.length > 2048) return false;
  const url = new URL(value);
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(url.hostname) || !url.hostname.includes('.');
  return url.protocol === 'https:' && !local;
}

function httpsUrl(what) {
  return z.preprocess(blankIsUnset, z.string(required(what)).refine(isPublicHttpsUrl, 'must be a public https:// URL, as Teams requires'));
}

/** What `npm run teams:package` reads from the environment (and .env). */
export const packageEnvSchema = z.object({
  /** The Azure Bot's Microsoft App ID: the manifest's bots[0].botId. */
  MicrosoftAppId: z.preprocess(
    blankIsUnset,
    z.string(required("the Azure Bot's Microsoft App ID, a GUID")).regex(GUID, 'must be a GUID like 00000000-0000-0000-0000-000000000000').toLowerCase(),
  ),
  /** The Teams app's own id. @default a UUID v5 of MicrosoftAppId, the same on every build */
  TEAMS_APP_ID: z.preprocess(blankIsUnset, z.string().regex(GUID, 'must be a GUID like 00000000-0000-0000-0000-000000000000').toLowerCase().optional()),
  /** Support page shown on the app's details. */
  TEAMS_WEBSITE_URL: httpsUrl('the https URL of the support page Teams shows on the app'),
  TEAMS_PRIVACY_URL: httpsUrl('the https URL of the privacy statement'),
  TEAMS_TERMS_URL: httpsUrl('the https URL of the terms of use'),
  /** Comma-separated host names the app may open in Teams (e.g. for sign-in pages). @default none */
  TEAMS_VALID_DOMAINS: z.preprocess(
    (v) => (typeof v === 'string' ? [...new Set(v.split(',').map((d) => d.trim()).filter(Boolean))] : v),
    z.array(z.string().regex(DOMAIN, 'must be host names only, comma-separated (e.g. renewals.example.com, *.example.com): no https://, no path')).max(100).default([]),
  ),
  /** Publisher name shown in Teams (32 characters at most). @default Renewal Support */
  TEAMS_DEVELOPER_NAME: z.preprocess(blankIsUnset, z.string().max(32, 'must be 32 characters at most').default('Renewal Support')),
});

/**
 * Parses the packaging settings; throws a PackageConfigError whose message is one line naming
 * each variable that is wrong.
 * @example readPackageEnv({ MicrosoftAppId: 'abc' }) // throws "Teams package settings: MicrosoftAppId: must be a GUID… (got \"abc\"); TEAMS_WEBSITE_URL: required (…)…"
 */
export function readPackageEnv(env) {
  const result = packageEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const got = typeof env[name] === 'string' && env[name].trim() !== '' ? ` (got ${JSON.stringify(env[name])})` : '';
    return `${name}: ${issue.message}${got}`;
  });
  throw new PackageConfigError(`Teams package settings: ${[...new Set(problems)].join('; ')}`);
}

/**
 * A name-based (version 5) UUID: the same name always gives the same GUID.
 * @example deriveAppId('8e5c1d2a-…') // always the same GUID for that bot
 */
export function deriveAppId(botId) {
  const namespace = Buffer.from(APP_ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(botId.toLowerCase()).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Replaces {{NAME}} placeholders: a string that is only a placeholder takes the value as is (arrays included). */
function fill(node, values) {
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  if (typeof node !== 'string') return node;
  const value = (name) => {
    if (!(name in values)) throw new ManifestError(`manifest.template.json uses {{${name}}}, which buildManifest does not fill`);
    return values[name];
  };
  const whole = /^\{\{(\w+)\}\}$/.exec(node);
  if (whole) return value(whole[1]);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name) => String(value(name)));
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ManifestError(`${what} (${path.relative(projectRoot, file)}) cannot be read: ${error.message}`);
  }
}

/**
 * The manifest.json for these settings: the template with its placeholders filled.
 * Throws a PackageConfigError when a setting is missing or wrong.
 * @param env the environment, e.g. process.env
 * @param options.template a parsed template (default: appPackage/manifest.template.json)
 * @param options.version the app version (default: package.json's; Teams wants a higher one for every update)
 */
export function buildManifest(env, options = {}) {
  const settings = readPackageEnv(env);
  const template = options.template ?? readJson(path.join(APP_PACKAGE_DIR, 'manifest.template.json'), 'The manifest template');
  const version = options.version ?? readJson(path.join(projectRoot, 'package.json'), 'package.json').version;
  return fill(template, {
    VERSION: version,
    BOT_ID: settings.MicrosoftAppId,
    APP_ID: settings.TEAMS_APP_ID ?? deriveAppId(settings.MicrosoftAppId),
    DEVELOPER_NAME: settings.TEAMS_DEVELOPER_NAME,
    WEBSITE_URL: settings.TEAMS_WEBSITE_URL,
    PRIVACY_URL: settings.TEAMS_PRIVACY_URL,
    TERMS_URL: settings.TEAMS_TERMS_URL,
    VALID_DOMAINS: settings.TEAMS_VALID_DOMAINS,
  });
}

/**
 * The file in @microsoft/app-manifest of the schema named by a `$schema` URL (with or without
 * a language segment such as /en-us/). Throws SchemaMissingError, naming the URL, when the
 * package does not ship it: its validator would then download it, and validation stays offline.
 * @example shippedSchemaFile('https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json')
 * // '…/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.29/MicrosoftTeams.schema.json'
 */
export function shippedSchemaFile(schemaUrl, what = 'The file') {
  const named = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/(teams\/v[\w.]+\/[\w.]+\.json)$/i.exec(String(schemaUrl ?? ''));
  const file = named ? path.join(SHIPPED_SCHEMAS_DIR, ...named[1].split('/')) : undefined;
  if (!file || !existsSync(file)) {
    throw new SchemaMissingError(
      `${what} names the schema ${JSON.stringify(schemaUrl ?? null)} in $schema, which @microsoft/app-manifest does not ship (it has the Teams schemas json-schemas/teams/v1.0 to v1.30): nothing can be validated offline.`,
    );
  }
  return file;
}

/** The validator's lines ("/bots/0/botId must match pattern "…". Details: {…}") as ours: "/bots/0/botId: must match pattern "…"". */
function describe(problems) {
  return problems.map((line) => line.replace(/^(\S*) /, (_, where) => `${where || '(root)'}: `).replace(/\. Details: \{\}$/, ''));
}

/**
 * Checks a manifest against the Teams manifest schema its `$schema` names, offline, with
 * @microsoft/app-manifest. Resolves with the problems, one line each (empty: valid).
 * Rejects with SchemaMissingError when the package does not ship that schema.
 */
export async function validateManifest(manifest) {
  shippedSchemaFile(manifest?.$schema, 'The manifest');
  return describe(await AppManifestUtils.validateAgainstSchema(manifest));
}

/** The manifest strings a localization file should translate, as localization keys. */
export function translatableKeys(manifest) {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'].filter((key) => {
    const [section, field] = key.split('.');
    return typeof manifest[section]?.[field] === 'string';
  });
  (manifest.bots?.[0]?.commandLists ?? []).forEach((list, l) =>
    (list.commands ?? []).forEach((command, c) => {
      for (const field of ['title', 'description']) {
        if (typeof command[field] === 'string') keys.push(`bots[0].commandLists[${l}].commands[${c}].${field}`);
      }
    }),
  );
  return keys;
}

/**
 * A `]` that closes no character class, escaped: Microsoft's localization schema v1.29 has
 * two such patterns (`…\b]\.description$`), which Ajv's Unicode regular expressions refuse,
 * so @microsoft/app-manifest cannot compile its own file. `\]` means the same character.
 * @example withLoneBracketsEscaped('^a\\[\\d]$') // '^a\\[\\d\\]$'
 */
export function withLoneBracketsEscaped(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}

/** The shipped Teams localization schema a file names, its patterns made compilable. */
async function localizationSchema(schemaUrl) {
  const schema = await AppManifestUtils.fetchSchema(schemaUrl);
  const patterns = schema.patternProperties ?? {};
  schema.patternProperties = Object.fromEntries(Object.entries(patterns).map(([pattern, rule]) => [withLoneBracketsEscaped(pattern), rule]));
  return schema;
}

/** The manifest with a localization file's strings in place of its own (keys like `bots[0].commandLists[0].commands[1].title`). */
export function localizedManifest(manifest, localization) {
  const localized = structuredClone(manifest);
  for (const [key, value] of Object.entries(localization ?? {})) {
    if (key === '$schema') continue;
    const steps = key.replace(/\[(\d+)\]/g, '.$1').split('.');
    const last = steps.pop();
    const parent = steps.reduce((node, step) => (node !== null && typeof node === 'object' ? node[step] : undefined), localized);
    if (parent !== null && typeof parent === 'object' && typeof parent[last] === 'string') parent[last] = value;
  }
  return localized;
}

/** "/bots/0/commandLists/0/commands/1/title: …" as the localization key "bots[0].commandLists[0].commands[1].title: …". */
function asLocalizationKey(line) {
  return line.replace(/^(\/\S*):/, (_, where) => `${where.slice(1).replace(/\/(\d+)/g, '[$1]').replaceAll('/', '.')}:`);
}

/**
 * Checks a localization file (e.g. appPackage/fr.json), offline: against the Teams
 * localization schema its `$schema` names; then the manifest with its strings in place must
 * still pass the Teams manifest schema, so that each translation is held to the rules of the
 * string it replaces; and it must translate every user-facing string of the manifest and
 * nothing the manifest does not have.
 * Resolves with the problems, one line each.
 */
export async function validateLocalization(localization, manifest) {
  shippedSchemaFile(localization?.$schema, 'The localization file');
  const problems = describe(await AppManifestUtils.validateAgainstSchema(localization, await localizationSchema(localization.$schema)));
  const inManifest = await validateManifest(localizedManifest(manifest, localization));
  problems.push(...inManifest.map((line) => `${asLocalizationKey(line)} (in the localized manifest)`));
  const expected = translatableKeys(manifest);
  const present = Object.keys(localization ?? {}).filter((key) => key !== '$schema');
  for (const key of expected) if (!present.includes(key)) problems.push(`${key}: not translated`);
  for (const key of present) if (!expected.includes(key)) problems.push(`${key}: the manifest has no such string`);
  return problems;
}

/** The files of the package, by their name inside the zip. Rejects with ManifestError on any problem. */
export async function packageFiles(manifest, { dir = APP_PACKAGE_DIR } = {}) {
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new ManifestError(`manifest.json does not match the Teams schema: ${problems.join('; ')}`);
  const files = new Map([['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  const read = (name, what) => {
    const file = path.join(dir, name);
    if (path.basename(name) !== name || !existsSync(file)) throw new ManifestError(`${what} ${JSON.stringify(name)} is not in ${path.relative(projectRoot, dir) || dir}/`);
    return readFileSync(file);
  };
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const bytes = read(manifest.icons[kind], `The ${kind} icon`);
    const { width, height } = readPngHeader(bytes);
    if (width !== size || height !== size) throw new ManifestError(`The ${kind} icon ${manifest.icons[kind]} is ${width}x${height}; Teams wants ${size}x${size}`);
    files.set(manifest.icons[kind], bytes);
  }
  for (const { file, languageTag } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const bytes = read(file, `The ${languageTag} localization file`);
    const localizationProblems = await validateLocalization(JSON.parse(bytes.toString('utf8')), manifest);
    if (localizationProblems.length > 0) throw new ManifestError(`${file} is not a valid localization file: ${localizationProblems.join('; ')}`);
    files.set(file, bytes);
  }
  return files;
}

/**
 * Builds, validates and zips the Teams app package for these settings.
 * @returns the zip's bytes and the manifest that is in it
 */
export async function buildPackage(env, options = {}) {
  const manifest = buildManifest(env, options);
  const zip = new JSZip();
  for (const [name, bytes] of await packageFiles(manifest, options)) zip.file(name, bytes);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  return { manifest, bytes };
}
