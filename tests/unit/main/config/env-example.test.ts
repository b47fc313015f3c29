import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseConfig } from '../../../../src/main/config/env';

describe('.env.example', () => {
  const example = parse(readFileSync('.env.example'));

  it('documents exactly the variables the app reads', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it('is itself a valid configuration', () => {
    expect(() => parseConfig(example)).not.toThrow();
  });
});
