import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputRefusedError, samePath, writeFileAtomic, WriteError } from '../../src/io/atomic.ts';
import { tempDir } from './helpers.ts';

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'out.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two €');
    expect(readFileSync(file, 'utf8')).toBe('two €');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('refuses a protected path, also through another spelling or a symbolic link', () => {
    const dir = tempDir();
    const input = join(dir, 'answers.yaml');
    writeFileSync(input, 'phase: explore\n');
    symlinkSync(input, join(dir, 'link.yaml'));
    for (const target of [input, join(dir, '.', 'answers.yaml'), join(dir, 'link.yaml')]) {
      expect(() => writeFileAtomic(target, 'x', { protect: [input] })).toThrow(OutputRefusedError);
    }
    expect(readFileSync(input, 'utf8')).toBe('phase: explore\n');
    expect(samePath(join(dir, 'other.yaml'), input)).toBe(false);
  });

  it('refuses a target that is not a regular file before writing anything', () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    let error: unknown;
    try {
      writeFileAtomic(target, 'data');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputRefusedError);
    expect((error as OutputRefusedError).message).toMatch(
      /^refusing to write .*taken: it is a directory, not a regular file$/,
    );
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('says in words why a directory is missing, and which', () => {
    const dir = tempDir();
    let error: unknown;
    try {
      writeFileAtomic(join(dir, 'a', 'b.txt'), 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).reason).toBe(`the directory ${join(dir, 'a')} does not exist`);
    expect((error as WriteError).code).toBe('ENOENT');
  });
});
