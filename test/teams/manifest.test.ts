import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_PACKAGE_DIR,
  ICON_SIZES,
  PackageConfigError,
  SchemaMissingError,
  TEAMS_SCHEMA_PATH,
  buildManifest,
  buildPackage,
  deriveAppId,
  packageFiles,
  referencedLocalizationSchema,
  validateLocalization,
  validateManifest,
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

describe('Teams manifest', () => {
  // validateManifest throws a SchemaMissingError naming ../shared/teams/MicrosoftTeams.schema.json
  // when it is absent: these tests then fail with that message, they never pass silently.
  it('fills the template into a manifest that the Teams 1.29 schema accepts, offline', () => {
    const manifest = buildManifest(ENV);

    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.29');
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('fails with the name of the schema file when the schema is not there', () => {
    const missing = path.join(tmpdir(), 'no-such-dir', 'MicrosoftTeams.schema.json');

    const error = errorOf(() => validateManifest(buildManifest(ENV), { schemaPath: missing }));

    expect(error).toBeInstanceOf(SchemaMissingError);
    expect(error.message).toContain(missing);
  });

  it('reports what breaks the schema, e.g. a bot id that is not a GUID', () => {
    const manifest = buildManifest(ENV);
    const broken = { ...manifest, bots: [{ ...manifest.bots?.[0], botId: 'renewal-bot' }] };

    expect(validateManifest(broken)).toEqual([expect.stringMatching(/^\/bots\/0\/botId: must match pattern/)]);
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
  it('is declared for every French-speaking region, over English strings', () => {
    expect(buildManifest(ENV).localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }],
    });
  });

  it('validates fr.json against the localization schema the Teams schema names, or else against its shape', () => {
    // MicrosoftTeams.schema.json 1.29 names none; if a later one does, that file must be
    // beside it and validateLocalization uses it (SchemaMissingError otherwise).
    const named = referencedLocalizationSchema();

    expect(validateLocalization(frenchLocalization(), buildManifest(ENV)), named ? `against ${named}` : 'against its shape').toEqual([]);
  });

  it('finds an untranslated string, a key the manifest lacks and a command title too long for Teams', () => {
    const { ['name.full']: _dropped, ...rest } = frenchLocalization();
    const broken = {
      ...rest,
      'bots[0].commandLists[0].commands[0].title': 'afficher toutes les choses que je peux faire pour vous',
      'bots[0].commandLists[2].commands[9].title': 'inconnu',
    };

    const problems = validateLocalization(broken, buildManifest(ENV));

    expect(problems).toEqual(
      expect.arrayContaining([
        'name.full: not translated',
        'bots[0].commandLists[2].commands[9].title: the manifest has no such string',
        expect.stringMatching(/commands\[0\]\.title.*must NOT have more than 32 characters/),
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

  it('refuses an icon of the wrong size', () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    for (const name of ['outline.png', 'fr.json']) copyFileSync(path.join(APP_PACKAGE_DIR, name), path.join(scratch, name));
    writeFileSync(path.join(scratch, 'color.png'), encodePng({ width: 96, height: 96, rgba: new Uint8Array(96 * 96 * 4) }));

    expect(() => packageFiles(buildManifest(ENV), { dir: scratch })).toThrow('The color icon color.png is 96x96; Teams wants 192x192');
  });

  it('reads the schema from ../shared/teams/ beside the project', () => {
    expect(TEAMS_SCHEMA_PATH).toBe(path.resolve(APP_PACKAGE_DIR, '..', '..', 'shared', 'teams', 'MicrosoftTeams.schema.json'));
  });
});
