// The benchmark's floor (bench/floor.ts: one hand-written Cypher statement per operation plus the API's
// own post-processing) is what the API is measured against, so it must answer what the API answers.
// It drifted once: the ranking, the coverage defaults and the stack's roads changed in src/ and the
// floor kept the old ones until a benchmark run showed "API and floor answers DIFFER". This holds the
// two together on the seed, for every operation and each of the benchmark's inputs at ×1.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFloor } from '../bench/floor.js';
import { pickInputs } from '../bench/inputs.js';
import { OPS } from '../bench/ops.js';
import { probe, requestFor } from '../bench/requests.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { createDriver } from '../src/neo4j/driver.js';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { startTestService, testNeo4j } from './support/neo4j.js';

let service: RunningService;
let floor: Awaited<ReturnType<typeof startFloor>>;
const driver = createDriver(testNeo4j());

beforeAll(async () => {
  service = await startTestService();
  floor = await startFloor(driver, testNeo4j().database);
});
afterAll(async () => {
  await floor?.close();
  await service?.stop();
  await driver.close();
});

const seed = await loadSeedDataset(path.join(PROJECT_ROOT, 'seed'), PROJECT_ROOT);
const inputs = pickInputs(seed, seed, 1);

describe('the benchmark floor answers as the API does', () => {
  for (const spec of OPS) {
    it(`${spec.name}: equal answers on every input`, async () => {
      const list = inputs[spec.name] as readonly unknown[];
      expect(list.length).toBeGreaterThan(0);
      for (const input of list) {
        const api = await probe(service.url, requestFor('api', service.url, spec.name, input));
        const bare = await probe(floor.url, requestFor('floor', floor.url, spec.name, input));
        expect(api.errors, `${spec.name} ${JSON.stringify(input)}: the API's errors`).toBeUndefined();
        expect(bare.status, `${spec.name} ${JSON.stringify(input)}: the floor's status`).toBe(200);
        expect(bare.data, `${spec.name} ${JSON.stringify(input)}`).toEqual(api.data);
      }
    }, 60_000);
  }
});
