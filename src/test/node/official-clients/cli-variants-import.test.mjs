// The Personalize import of Contentstack's CLI (@contentstack/cli-variants, behind
// `csdx cm:stacks:import`) into an emulator started without a project (`--no-project`), from
// the folder cli-variants-export.test.mjs wrote. Environment: EMULATOR_URL, STACK_API_KEY,
// AUTHTOKEN, ORGANIZATION_UID, EXPORT_DIR (the export), BACKUP_DIR (the import's working copy,
// where the CLI keeps its uid mappers), CS_CLI_CONFIG_PATH (a temporary CLI config store).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { configHandler } = require('@contentstack/cli-utilities');
const { Import } = require('@contentstack/cli-variants');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};
const BASE = env('EMULATOR_URL');
const BACKUP = env('BACKUP_DIR');

configHandler.set('authtoken', env('AUTHTOKEN'));
configHandler.set('authorisationType', 'BASIC');

// The content types the stack import created before the Personalize part (here: the
// emulator's seeded ones, which keep their uids).
mkdirSync(join(BACKUP, 'mapper', 'content_types'), { recursive: true });
writeFileSync(join(BACKUP, 'mapper', 'content_types', 'success.json'), JSON.stringify(['hero_banner', 'promo_card']));

const config = {
  context: { command: 'cm:stacks:import', module: '' },
  apiKey: env('STACK_API_KEY'),
  data: env('EXPORT_DIR'),
  backupDir: BACKUP,
  org_uid: env('ORGANIZATION_UID'),
  host: `${BASE}/v3`,
  region: { name: 'NA', cma: BASE },
  modules: {
    personalize: {
      dirName: 'personalize',
      baseURL: { NA: BASE },
      importData: true,
      projects: { dirName: 'projects', fileName: 'projects.json' },
      attributes: { dirName: 'attributes', fileName: 'attributes.json' },
      audiences: { dirName: 'audiences', fileName: 'audiences.json' },
      events: { dirName: 'events', fileName: 'events.json' },
      experiences: { dirName: 'experiences', fileName: 'experiences.json', thresholdTimer: 10000, checkIntervalDuration: 250 },
    },
    entries: { dirName: 'entries' },
    taxonomies: { dirName: 'taxonomies' },
  },
};
const mapper = (...p) => {
  const f = join(BACKUP, 'mapper', 'personalize', ...p);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined;
};

test('Import.Project: POST /projects {name, description, connectedStackApiKey}', async () => {
  await new Import.Project(config).import();
  assert.equal(config.modules.personalize.importData, true);
  assert.match(config.modules.personalize.project_id, /^[0-9a-f]{24}$/);
});

test('Import.Attribute: POST /attributes', async () => {
  await new Import.Attribute(config).import();
  assert.equal(Object.keys(mapper('attributes', 'uid-mapping.json') ?? {}).length, 1);
});

test('Import.Audiences: POST /audiences (attribute uids remapped)', async () => {
  await new Import.Audiences(config).import();
  assert.equal(Object.keys(mapper('audiences', 'uid-mapping.json') ?? {}).length, 2);
});

test('Import.Events: POST /events', async () => {
  await new Import.Events(config).import();
  assert.equal(Object.keys(mapper('events', 'uid-mapping.json') ?? {}).length, 1);
});

test('Import.Experiences: experiences, versions, _cms polling, content types linked', async () => {
  await new Import.Experiences(config).import();
  const uids = mapper('experiences', 'uid-mapping.json') ?? {};
  assert.equal(Object.values(uids).filter(Boolean).length, 2, JSON.stringify(uids));
  const groups = mapper('experiences', 'cms-variant-groups.json') ?? {};
  assert.equal(Object.keys(groups).length, 2, JSON.stringify(groups));
});
