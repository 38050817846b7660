#!/usr/bin/env node
// `npm run teams:package`: builds the Teams app package (manifest.json, color.png,
// outline.png and the localization files) into dist/teams/renewal-bot-teams.zip and prints
// its path. Settings come from the environment or .env; see appPackage/README.md.
//
// A setting, schema or file problem ends the run with one line on stderr and exit code 1.
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestError, PACKAGE_PATH, PackageConfigError, SchemaMissingError, buildPackage } from './manifest.mjs';

try {
  const { manifest, bytes } = await buildPackage(process.env);
  mkdirSync(path.dirname(PACKAGE_PATH), { recursive: true });
  writeFileSync(PACKAGE_PATH, bytes);
  process.stdout.write(`${path.relative(process.cwd(), PACKAGE_PATH)}\n`);
  process.stderr.write(`Teams app ${manifest.id} v${manifest.version}, bot ${manifest.bots?.[0]?.botId}\n`);
} catch (error) {
  if (!(error instanceof PackageConfigError || error instanceof SchemaMissingError || error instanceof ManifestError)) throw error;
  process.stderr.write(`teams:package: ${error.message}\n`);
  process.exitCode = 1;
}
