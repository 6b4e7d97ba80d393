// The official management SDK (@contentstack/management, pinned in package.json) against a
// running cspctl emulator. OfficialClientsTest starts the emulator, applies a project with cspctl
// and runs this file with:
//   EMULATOR_URL  http://127.0.0.1:PORT      STACK_API_KEY, EMAIL, PASSWORD
//   GROUP_UID     the CMS variant group of the applied experience
//   VARIANT_UID   one CMS variant of it;  ENTRY_UID: a hero_banner entry;  ENVIRONMENT
// Every call the SDK makes is logged by the emulator; each test names the SDK call it exercises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const contentstack = require('@contentstack/management');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};
const BASE = env('EMULATOR_URL');
const API_KEY = env('STACK_API_KEY');
const GROUP = env('GROUP_UID');
const VARIANT = env('VARIANT_UID');
const ENTRY = env('ENTRY_UID');
const ENVIRONMENT = env('ENVIRONMENT');
const CT = 'hero_banner';
const LOCALE = 'en-us';

// The SDK's `host` option refuses IP addresses and localhost; `endpoint` takes the full base URL.
// Its own retries refuse IP hosts too ("SSRF Prevention"), so they are off here.
const client = contentstack.client({ endpoint: `${BASE}/v3`, retryOnError: false, logHandler: () => {} });
let stack;

/** Runs a call that must fail and returns the SDK's error object. */
async function failure(call) {
  try {
    await call();
  } catch (e) {
    return typeof e.message === 'string' && e.message.startsWith('{') ? { ...JSON.parse(e.message), ...e } : e;
  }
  assert.fail('the call succeeded but should have failed');
}

test('client.login({email, password}) -> user.authtoken', async () => {
  const res = await client.login({ email: env('EMAIL'), password: env('PASSWORD') });
  assert.ok(res.user.authtoken, 'authtoken in the reply');
  assert.equal(res.notice, 'Login Successful.');
  stack = client.stack({ api_key: API_KEY });
});

test('stack.variantGroup().query({include_count, include_variant_info, asc|desc}).find()', async () => {
  const all = await stack.variantGroup().query({ include_count: true, include_variant_info: true, include_variant_count: true }).find();
  assert.ok(all.count >= 2, `count ${all.count}`);
  const group = all.items.find((g) => g.uid === GROUP);
  assert.ok(group, 'the applied experience has its group');
  // The SDK wraps each group in an object whose `variants` is a method, so the variant info is
  // checked through its count here and through GET …/variants below.
  assert.ok(group.variant_count >= 2, `variant_count ${group.variant_count}`);

  const asc = await stack.variantGroup().query({ asc: 'name' }).find();
  const names = asc.items.map((g) => g.name);
  assert.deepEqual(names, [...names].sort());
  const desc = await stack.variantGroup().query({ desc: 'name' }).find();
  assert.deepEqual(desc.items.map((g) => g.name), [...names].sort().reverse());

  const byType = await stack.variantGroup().query({ content_type: CT, include_count: true }).find();
  assert.ok(byType.items.every((g) => g.content_types.some((c) => c.uid === CT)));
  const paged = await stack.variantGroup().query({ limit: 1, skip: 1, include_count: true }).find();
  assert.equal(paged.items.length, 1);
  assert.equal(paged.count, all.count);
});

test('stack.variantGroup(uid).variants().query().find() -> GET /v3/variant_groups/{uid}/variants', async () => {
  const res = await stack.variantGroup(GROUP).variants().query({ include_count: true }).find();
  assert.ok(res.items.some((v) => v.uid === VARIANT), JSON.stringify(res.items.map((v) => v.uid)));
  assert.equal(res.count, res.items.length);
  assert.ok(res.items.every((v) => /^cs_personalize_\d+_\d+$/.test(v.alias)));
});

test('stack.variantGroup(uid).update({name, content_types}) links and unlinks content types', async () => {
  const group = (await stack.variantGroup().query({ include_variant_info: true }).find()).items.find((g) => g.uid === GROUP);
  const linked = await stack.variantGroup(GROUP).update({
    name: group.name,
    content_types: [{ uid: CT, status: 'linked' }, { uid: 'promo_card', status: 'linked' }],
  });
  assert.deepEqual(linked.variant_group.content_types.map((c) => c.uid).sort(), [CT, 'promo_card']);
  const unlinked = await stack.variantGroup(GROUP).update({ name: group.name, content_types: [{ uid: CT, status: 'linked' }] });
  assert.deepEqual(unlinked.variant_group.content_types.map((c) => c.uid), [CT]);
});

test('entry(uid).variants(uid).update / fetch / query().find / versions / delete', async () => {
  const variants = stack.contentType(CT).entry(ENTRY).variants(VARIANT);
  const created = await variants.update({ entry: { title: 'SDK title', _variant: { _change_set: ['title'] } } }, { locale: LOCALE });
  assert.equal(created.entry.title, 'SDK title');
  assert.deepEqual(created.entry._variant._change_set, ['title']);
  const updated = await variants.update({ entry: { title: 'SDK title 2', _variant: { _change_set: ['title'] } } });
  assert.equal(updated.notice, 'Entry variant updated successfully.');
  assert.equal(updated.entry._version, created.entry._version + 1);

  const fetched = await variants.fetch();
  assert.equal(fetched.entry.title, 'SDK title 2');
  assert.equal(fetched.entry._variant._uid, VARIANT);

  const list = await stack.contentType(CT).entry(ENTRY).variants().query({ locale: LOCALE, include_count: true }).find();
  assert.ok(list.items.some((e) => e.variants._variant._uid === VARIANT && e.variants.title === 'SDK title 2'));

  const versions = await variants.versions();
  assert.ok(versions.versions.length >= 2, JSON.stringify(versions));
  assert.equal(versions.versions[0]._version, updated.entry._version);

  const scratch = stack.contentType(CT).entry('blt1111111111111111').variants(VARIANT);
  await scratch.update({ entry: { headline: 'to delete' } });
  const deleted = await scratch.delete();
  assert.equal(deleted.notice, 'Entry variant deleted successfully.');
  const gone = await failure(() => scratch.fetch());
  assert.equal(gone.status, 404);
});

test('entry(uid, {api_version: 3.2}).publish and .unpublish with variants', async () => {
  const entry = stack.contentType(CT).entry(ENTRY, { api_version: '3.2' });
  const details = {
    environments: [ENVIRONMENT], locales: [LOCALE], variants: [{ uid: VARIANT, version: 1 }],
    variant_rules: { publish_latest_base: false, publish_latest_base_conditionally: true },
  };
  const published = await entry.publish({ publishDetails: details, locale: LOCALE });
  assert.equal(published.notice, 'The requested action has been performed.');
  assert.ok(published.job_id);
  const unpublished = await entry.unpublish({ publishDetails: { environments: [ENVIRONMENT], locales: [LOCALE], variants: [{ uid: VARIANT }] }, locale: LOCALE });
  assert.equal(unpublished.notice, 'The requested action has been performed.');

  // entry(uid, {api_version}) sets the header on the stack's shared headers: a fresh stack object
  // is needed to send a publish without it.
  const plain = client.stack({ api_key: API_KEY });
  const noHeader = await failure(() => plain.contentType(CT).entry(ENTRY).publish({ publishDetails: details, locale: LOCALE }));
  assert.equal(noHeader.status, 422);
  assert.match(noHeader.errorMessage, /api_version/);
});

test('bulkOperation().publish with per-entry variants + variant_rules, jobStatus, getJobItems; bulk unpublish', async () => {
  const item = {
    uid: ENTRY, content_type: CT, locale: LOCALE, variants: [{ uid: VARIANT }],
    variant_rules: { publish_latest_base: false, publish_latest_base_conditionally: true },
  };
  const res = await stack.bulkOperation().publish({
    details: { entries: [item], locales: [LOCALE], environments: [ENVIRONMENT], publish_with_reference: true },
    api_version: '3.2',
  });
  assert.match(res.notice, /bulk publish/i);
  const job = await stack.bulkOperation().jobStatus({ job_id: res.job_id, api_version: '3.2' });
  assert.equal(job.job.status, 'completed');
  const items = await stack.bulkOperation().getJobItems(res.job_id, { include_count: true });
  assert.ok(items.items.some((i) => i.variant_uid === VARIANT && i.uid === ENTRY && i.environment === ENVIRONMENT), JSON.stringify(items));
  assert.equal(items.count, items.items.length);

  const un = await stack.bulkOperation().unpublish({
    details: { entries: [{ uid: ENTRY, content_type: CT, locale: LOCALE, variants: [{ uid: VARIANT }] }], locales: [LOCALE], environments: [ENVIRONMENT] },
    api_version: '3.2',
  });
  assert.match(un.notice, /unpublish/i);
  const unItems = await stack.bulkOperation().getJobItems(un.job_id);
  assert.ok(unItems.items.every((i) => i.action === 'unpublish'));
  // Leave the variant published for the Java side to check.
  await stack.bulkOperation().publish({ details: { entries: [item], locales: [LOCALE], environments: [ENVIRONMENT] }, api_version: '3.2' });
});

test('error shapes: errorMessage, errorCode, errors filled', async () => {
  const missing = await failure(() => stack.contentType(CT).entry(ENTRY).variants('cs0000000000000000').fetch());
  assert.equal(missing.status, 404);
  assert.ok(missing.errorMessage, 'errorMessage');
  assert.ok(missing.errorCode > 0, 'errorCode');
  assert.equal(typeof missing.errors, 'object');

  const unlinked = await failure(() => stack.contentType('promo_card').entry('bltaaaaaaaaaaaaaaaa').variants(VARIANT).update({ entry: { title: 'x' } }));
  assert.equal(unlinked.status, 422);
  assert.match(unlinked.errorMessage, /does not belong to the Content Type/);

  const badKey = await failure(() => client.stack({ api_key: 'blt_not_the_key' }).variantGroup().query().find());
  assert.equal(badKey.status, 412);
  assert.ok(badKey.errors.api_key, JSON.stringify(badKey.errors));
});

test('client.logout()', async () => {
  const res = await client.logout();
  assert.ok(res.notice, JSON.stringify(res));
});
