// Types of manifest.mjs, for the TypeScript tests. The manifest itself is typed loosely: the
// Teams JSON schema, not TypeScript, is what says whether it is right.
import type { z } from 'zod';

export const projectRoot: string;
export const APP_PACKAGE_DIR: string;
export const SHIPPED_SCHEMAS_DIR: string;
export const PACKAGE_PATH: string;
export const ICON_SIZES: { color: number; outline: number };

export class PackageConfigError extends Error {}
export class SchemaMissingError extends Error {}
export class ManifestError extends Error {}

export type PackageEnv = Record<string, string | undefined>;

export interface PackageSettings {
  MicrosoftAppId: string;
  TEAMS_APP_ID?: string | undefined;
  TEAMS_WEBSITE_URL: string;
  TEAMS_PRIVACY_URL: string;
  TEAMS_TERMS_URL: string;
  TEAMS_VALID_DOMAINS: string[];
  TEAMS_DEVELOPER_NAME: string;
}

export interface TeamsCommand {
  title: string;
  description?: string;
}
export interface TeamsManifest {
  manifestVersion: string;
  version: string;
  id: string;
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots?: Array<{
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    isNotificationOnly?: boolean;
    commandLists?: Array<{ scopes: string[]; commands: TeamsCommand[] }>;
  }>;
  validDomains?: string[];
  [key: string]: unknown;
}

export interface BuildOptions {
  /** A parsed template. @default appPackage/manifest.template.json */
  template?: unknown;
  /** @default package.json's version */
  version?: string;
  /** Where the icons and localization files are. @default APP_PACKAGE_DIR */
  dir?: string;
}

export const packageEnvSchema: z.ZodType<PackageSettings>;
export function readPackageEnv(env: PackageEnv): PackageSettings;
export function deriveAppId(botId: string): string;
export function buildManifest(env: PackageEnv, options?: Pick<BuildOptions, 'template' | 'version'>): TeamsManifest;
export function shippedSchemaFile(schemaUrl: unknown, what?: string): string;
export function validateManifest(manifest: TeamsManifest): Promise<string[]>;
export function translatableKeys(manifest: TeamsManifest): string[];
export function withLoneBracketsEscaped(pattern: string): string;
export function localizedManifest(manifest: TeamsManifest, localization: Record<string, string>): TeamsManifest;
export function validateLocalization(localization: Record<string, string>, manifest: TeamsManifest): Promise<string[]>;
export function packageFiles(manifest: TeamsManifest, options?: Pick<BuildOptions, 'dir'>): Promise<Map<string, Buffer>>;
export function buildPackage(env: PackageEnv, options?: BuildOptions): Promise<{ manifest: TeamsManifest; bytes: Buffer }>;
