// npm/palisade/schema.json, the schema editors validate palisade.json with, accepts every config
// the engine accepts (each palisade.json of the examples, the conformance corpus and the parity
// suites) and refuses the shapes the engine refuses, so an editor never marks a valid config red.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { REPO, configFiles, engineOpens, readJsonc } from './palisade-configs.mjs';

const schema = JSON.parse(readFileSync(join(REPO, 'npm/palisade/schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const configs = configFiles();

describe('schema.json', () => {
  test('there are configs to check', () => {
    assert.ok(configs.length > 50, `${configs.length} configs found`);
  });

  for (const config of configs) {
    test(`accepts ${config}, which the engine opens`, () => {
      const file = join(REPO, config);
      const opened = engineOpens(file);
      const valid = validate(readJsonc(file));
      assert.equal(valid, opened, `${config}: schema ${valid ? 'accepts' : 'refuses'} it, the engine ${opened ? 'opens' : 'refuses'} it\n${JSON.stringify(validate.errors, null, 2)}`);
    });
  }

  for (const [name, config] of [
    ['an array', []],
    ['null', null],
    ['rules as an array', { rules: [] }],
    ['an unknown rule', { rules: { 'entry-points': 'error' } }],
    ['options of one rule given to another', { rules: { 'no-cycle': ['error', { depConstraints: [] }] } }],
    ['an element without a pattern', { elements: [{ type: 'domain' }] }],
  ]) {
    test(`refuses ${name}`, () => {
      assert.equal(validate(config), false);
    });
  }
});
