// The Personalize export of Contentstack's CLI (@contentstack/cli-variants, the plugin behind
// `csdx cm:stacks:export`, pinned in package.json) against a running cspctl emulator holding a
// project that cspctl applied. Environment as for management-sdk.test.mjs, plus
//   PROJECT_UID   the project cspctl applied;  OUT_DIR  where the export is written
// The CLI reads its login from its own config store: it is written to a temporary one
// (CS_CLI_CONFIG_PATH) as `csdx auth:login` would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

process.env.CS_CLI_CONFIG_PATH ??= mkdtempSync(join(tmpdir(), 'csdx-config-'));
const require = createRequire(import.meta.url);
const { configHandler } = require('@contentstack/cli-utilities');
const variants = require('@contentstack/cli-variants');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};
const BASE = env('EMULATOR_URL');
const OUT = env('OUT_DIR');

configHandler.set('authtoken', env('AUTHTOKEN'));
configHandler.set('authorisationType', 'BASIC');

const config = {
  context: { command: 'cm:stacks:export', module: '' },
  apiKey: env('STACK_API_KEY'),
  data: OUT,
  branchName: '',
  org_uid: env('ORGANIZATION_UID'),
  host: `${BASE}/v3`,
  region: { name: 'NA', cma: BASE },
  modules: {
    personalize: { dirName: 'personalize', baseURL: { NA: BASE } },
    attributes: { dirName: 'attributes', fileName: 'attributes.json' },
    audiences: { dirName: 'audiences', fileName: 'audiences.json' },
    events: { dirName: 'events', fileName: 'events.json' },
  },
};
const read = (...p) => JSON.parse(readFileSync(join(OUT, 'personalize', ...p), 'utf8'));

test('ExportProjects: GET /projects?connectedStackApiKey= finds the project', async () => {
  await new variants.ExportProjects(config).start();
  assert.equal(config.personalizationEnabled, true);
  assert.equal(config.project_id, env('PROJECT_UID'));
  assert.equal(read('projects', 'projects.json')[0].uid, env('PROJECT_UID'));
});

test('ExportAttributes: GET /attributes', async () => {
  await new variants.ExportAttributes(config).start();
  assert.ok(read('attributes', 'attributes.json').some((a) => a.key === 'plan_tier'));
});

test('ExportAudiences: GET /audiences', async () => {
  await new variants.ExportAudiences(config).start();
  assert.ok(read('audiences', 'audiences.json').some((a) => a.name === 'Mobile visitors'));
});

test('ExportEvents: GET /events', async () => {
  await new variants.ExportEvents(config).start();
  assert.ok(read('events', 'events.json').some((e) => e.key === 'signup'));
});

test('ExportExperiences: experiences, their versions and variant groups (by experience_uid)', async () => {
  await new variants.ExportExperiences(config).start();
  const experiences = read('experiences', 'experiences.json');
  assert.ok(experiences.some((e) => e.name === 'Hero by device'), JSON.stringify(experiences));
  const hero = experiences.find((e) => e.name === 'Hero by device');
  assert.ok(existsSync(join(OUT, 'personalize', 'experiences', 'versions', `${hero.uid}.json`)));
  const cts = read('experiences', 'experiences-content-types.json');
  assert.deepEqual(cts[hero.uid].map((c) => c.uid), ['hero_banner']);
});
