import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_PACKAGE_DIR,
  ICON_SIZES,
  PackageConfigError,
  SHIPPED_SCHEMAS_DIR,
  SchemaMissingError,
  buildManifest,
  buildPackage,
  deriveAppId,
  localizedManifest,
  packageFiles,
  shippedSchemaFile,
  validateLocalization,
  validateManifest,
  withLoneBracketsEscaped,
  type TeamsManifest,
} from '../../scripts/teams/manifest.mjs';
import { decodePng, encodePng, readPngHeader } from '../../scripts/teams/png.mjs';
import { colorIcon, outlineIcon } from '../../scripts/teams/icons.mjs';

// Made-up ids and example.com URLs: nothing here points at a real registration.
const BOT_ID = '8e5c1d2a-1b2c-4d3e-8f90-0123456789ab';
const ENV = {
  MicrosoftAppId: BOT_ID,
  TEAMS_WEBSITE_URL: 'https://renewals.example.com/support',
  TEAMS_PRIVACY_URL: 'https://renewals.example.com/privacy',
  TEAMS_TERMS_URL: 'https://renewals.example.com/terms',
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function frenchLocalization(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'fr.json'), 'utf8')) as Record<string, string>;
}

/** The error a function throws, so that its class and message can both be checked. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The error a promise rejects with. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a rejection, the promise resolved');
}

describe('Teams manifest', () => {
  // Validated with Microsoft's @microsoft/app-manifest, which ships the schemas: nothing is read
  // from outside the project, so a clone in any folder passes.
  it('fills the template into a manifest that the Teams 1.29 schema accepts, offline', async () => {
    const manifest = buildManifest(ENV);

    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.29');
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('validates against the schema @microsoft/app-manifest ships for the $schema the manifest names', () => {
    const manifest = buildManifest(ENV);

    expect(shippedSchemaFile(manifest.$schema)).toBe(path.join(SHIPPED_SCHEMAS_DIR, 'teams', 'v1.29', 'MicrosoftTeams.schema.json'));
    expect(SHIPPED_SCHEMAS_DIR.split(path.sep).slice(-4)).toEqual(['@microsoft', 'app-manifest', 'build', 'json-schemas']);
  });

  it('refuses, naming it, a $schema the package does not ship, rather than downloading it', async () => {
    const manifest = { ...buildManifest(ENV), $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json' };

    const error = await rejectionOf(validateManifest(manifest));

    expect(error).toBeInstanceOf(SchemaMissingError);
    expect(error.message).toContain('v9.99/MicrosoftTeams.schema.json');
    expect(errorOf(() => shippedSchemaFile('https://example.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json'))).toBeInstanceOf(SchemaMissingError);
    expect(errorOf(() => shippedSchemaFile('https://developer.microsoft.com/json-schemas/teams/v1.29/../../../package.json'))).toBeInstanceOf(SchemaMissingError);
    expect(errorOf(() => shippedSchemaFile(undefined))).toBeInstanceOf(SchemaMissingError);
  });

  it('reports what breaks the schema, e.g. a bot id that is not a GUID', async () => {
    const manifest = buildManifest(ENV);
    const broken = { ...manifest, bots: [{ ...manifest.bots?.[0], botId: 'renewal-bot', scopes: ['personal'] }] };

    expect(await validateManifest(broken)).toEqual([expect.stringMatching(/^\/bots\/0\/botId: must match pattern/)]);
  });

  it('uses MicrosoftAppId as the bot id, in lower case', () => {
    expect(buildManifest(ENV).bots?.[0]?.botId).toBe(BOT_ID);
    expect(buildManifest({ ...ENV, MicrosoftAppId: BOT_ID.toUpperCase() }).bots?.[0]?.botId).toBe(BOT_ID);
  });

  it('offers the bot in personal chat and in teams, with a command list for each scope', () => {
    const bot = buildManifest(ENV).bots?.[0];

    expect(bot?.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot?.commandLists?.flatMap((list) => list.scopes)).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot).toMatchObject({ supportsFiles: false, isNotificationOnly: false });
  });

  it('is installed for personal chat as well as for teams and group chats, so it can open a personal chat from a channel', () => {
    const bot = buildManifest(ENV).bots?.[0];

    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    // Contract commands are offered only where contracts are shown: the personal chat.
    const shared = bot?.commandLists?.filter((list) => !list.scopes.includes('personal')).flatMap((list) => list.commands.map((c) => c.title)) ?? [];
    expect(shared).not.toContain('check my contract status');
    expect(shared).not.toContain('renew my contract step by step');
  });

  it('derives a stable Teams app id from the bot id unless TEAMS_APP_ID is set', () => {
    const derived = buildManifest(ENV).id;

    expect(derived).toMatch(GUID);
    expect(derived).not.toBe(BOT_ID);
    expect(deriveAppId(BOT_ID)).toBe(derived);
    expect(deriveAppId(BOT_ID.toUpperCase())).toBe(derived);
    expect(buildManifest({ ...ENV, TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555' }).id).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('takes the developer links from the settings and validDomains from TEAMS_VALID_DOMAINS', () => {
    const manifest = buildManifest({ ...ENV, TEAMS_VALID_DOMAINS: ' renewals.example.com, *.example.com ,renewals.example.com' });

    expect(manifest.developer).toMatchObject({
      websiteUrl: ENV.TEAMS_WEBSITE_URL,
      privacyUrl: ENV.TEAMS_PRIVACY_URL,
      termsOfUseUrl: ENV.TEAMS_TERMS_URL,
    });
    expect(manifest.validDomains).toEqual(['renewals.example.com', '*.example.com']);
    expect(buildManifest(ENV).validDomains).toEqual([]);
  });

  it('fails with one line naming MicrosoftAppId when it is missing', () => {
    const error = errorOf(() => buildManifest({ ...ENV, MicrosoftAppId: '' }));

    expect(error).toBeInstanceOf(PackageConfigError);
    expect(error.message).toMatch(/MicrosoftAppId: required/);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a MicrosoftAppId that is not a GUID, quoting it', () => {
    expect(() => buildManifest({ ...ENV, MicrosoftAppId: 'renewal-bot' })).toThrow(/MicrosoftAppId: must be a GUID.*\(got "renewal-bot"\)/);
  });

  it('refuses a website URL that is not https', () => {
    expect(() => buildManifest({ ...ENV, TEAMS_WEBSITE_URL: 'http://renewals.example.com/support' })).toThrow(
      /TEAMS_WEBSITE_URL: must be a public https:\/\/ URL/,
    );
  });

  it('refuses a local https URL, which Teams users could not open', () => {
    expect(() => buildManifest({ ...ENV, TEAMS_PRIVACY_URL: 'https://localhost:3978/privacy' })).toThrow(/TEAMS_PRIVACY_URL: must be a public https/);
  });

  it('names every missing developer URL', () => {
    const error = errorOf(() => buildManifest({ MicrosoftAppId: BOT_ID }));

    expect(error.message).toMatch(/TEAMS_WEBSITE_URL: required.*TEAMS_PRIVACY_URL: required.*TEAMS_TERMS_URL: required/);
  });

  it('refuses valid domains written as URLs', () => {
    expect(() => buildManifest({ ...ENV, TEAMS_VALID_DOMAINS: 'https://renewals.example.com/' })).toThrow(/TEAMS_VALID_DOMAINS: must be host names only/);
  });
});

describe('French localization', () => {
  it('escapes a lone ] in a schema pattern, which Unicode regular expressions refuse, without changing its meaning', () => {
    const shipped = '^activities.activityTypes\\[\\b([0-9]|[1-8][0-9])\\b]\\.description$';
    const repaired = withLoneBracketsEscaped(shipped);

    expect(() => new RegExp(shipped, 'u')).toThrow();
    expect(new RegExp(repaired, 'u').test('activities.activityTypes[12].description')).toBe(true);
    expect(new RegExp(repaired, 'u').test('activities.activityTypes[x].description')).toBe(false);
    expect(withLoneBracketsEscaped('^a[\\]b]c\\]$')).toBe('^a[\\]b]c\\]$');
  });

  it('is declared for every French-speaking region, over English strings', () => {
    expect(buildManifest(ENV).localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }],
    });
  });

  it('passes the Teams localization schema that fr.json names, and the manifest schema once in place', async () => {
    expect(shippedSchemaFile(frenchLocalization().$schema)).toBe(path.join(SHIPPED_SCHEMAS_DIR, 'teams', 'v1.29', 'MicrosoftTeams.Localization.schema.json'));
    expect(await validateLocalization(frenchLocalization(), buildManifest(ENV))).toEqual([]);
    expect(localizedManifest(buildManifest(ENV), frenchLocalization()).name.full).toBe(frenchLocalization()['name.full']);
  });

  it('finds an untranslated string, a key the manifest lacks and a command title too long for Teams', async () => {
    const { ['name.full']: _dropped, ...rest } = frenchLocalization();
    const broken = {
      ...rest,
      'bots[0].commandLists[0].commands[0].title': 'afficher toutes les choses que je peux faire pour vous '.repeat(3),
      'bots[0].commandLists[2].commands[9].title': 'inconnu',
    };

    const problems = await validateLocalization(broken, buildManifest(ENV));

    expect(problems).toEqual(
      expect.arrayContaining([
        'name.full: not translated',
        'bots[0].commandLists[2].commands[9].title: the manifest has no such string',
        expect.stringMatching(/^\/bots\[0\]\.commandLists\[0\]\.commands\[0\]\.title: must NOT have more than 128 characters/),
        expect.stringMatching(/^bots\[0\]\.commandLists\[0\]\.commands\[0\]\.title: must NOT have more than 128 characters.*\(in the localized manifest\)$/),
      ]),
    );
  });
});

describe('Teams app icons', () => {
  const png = (name: string) => readFileSync(path.join(APP_PACKAGE_DIR, name));

  it('are PNGs of 192x192 (color) and 32x32 (outline)', () => {
    expect(readPngHeader(png('color.png'))).toMatchObject({ width: ICON_SIZES.color, height: ICON_SIZES.color });
    expect(readPngHeader(png('outline.png'))).toMatchObject({ width: ICON_SIZES.outline, height: ICON_SIZES.outline });
  });

  it('outline: only white pixels on transparency', () => {
    const { rgba } = decodePng(png('outline.png'));
    const colours = new Set<string>();
    let transparent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) transparent++;
      else colours.add(`${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`);
    }

    expect([...colours]).toEqual(['255,255,255']);
    expect(transparent).toBeGreaterThan(rgba.length / 8);
  });

  it('color: opaque, with more than one colour', () => {
    const { rgba } = decodePng(png('color.png'));
    const alphas = new Set(rgba.filter((_, i) => i % 4 === 3));
    const reds = new Set(rgba.filter((_, i) => i % 4 === 0));

    expect([...alphas]).toEqual([255]);
    expect(reds.size).toBeGreaterThan(1);
  });

  it('are what scripts/teams/icons.mjs draws (run it after changing the artwork)', () => {
    expect(decodePng(png('color.png')).rgba).toEqual(colorIcon().rgba);
    expect(decodePng(png('outline.png')).rgba).toEqual(outlineIcon().rgba);
  });
});

describe('Teams app package', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  it('zips manifest.json, the two icons and fr.json at the root, and nothing else', async () => {
    const { bytes, manifest } = await buildPackage(ENV);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
    const entry = (name: string) => zip.file(name) ?? expect.unreachable(`${name} is not in the zip`);
    const inZip = JSON.parse(await entry('manifest.json').async('string')) as TeamsManifest;

    // fr.json belongs in the zip too: Teams rejects a package whose localizationInfo names a missing file.
    expect(names.sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    expect(inZip).toEqual(manifest);
    expect(await entry('color.png').async('nodebuffer')).toEqual(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
  });

  it('refuses an icon of the wrong size', async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    for (const name of ['outline.png', 'fr.json']) copyFileSync(path.join(APP_PACKAGE_DIR, name), path.join(scratch, name));
    writeFileSync(path.join(scratch, 'color.png'), encodePng({ width: 96, height: 96, rgba: new Uint8Array(96 * 96 * 4) }));

    await expect(packageFiles(buildManifest(ENV), { dir: scratch })).rejects.toThrow('The color icon color.png is 96x96; Teams wants 192x192');
  });

  it('refuses a localization file that breaks the Teams localization schema', async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    for (const name of ['outline.png', 'color.png']) copyFileSync(path.join(APP_PACKAGE_DIR, name), path.join(scratch, name));
    writeFileSync(path.join(scratch, 'fr.json'), JSON.stringify({ ...frenchLocalization(), 'name.short': 'Assistant de renouvellement de la maintenance' }));

    await expect(packageFiles(buildManifest(ENV), { dir: scratch })).rejects.toThrow(/fr\.json is not a valid localization file: \/name\.short: must NOT have more than 30 characters/);
  });
});
