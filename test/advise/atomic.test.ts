import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProtectedPathError, samePath, writeFileAtomic, WriteError } from '../../src/io/atomic.ts';
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
      expect(() => writeFileAtomic(target, 'x', { protect: [input] })).toThrow(ProtectedPathError);
    }
    expect(readFileSync(input, 'utf8')).toBe('phase: explore\n');
    expect(samePath(join(dir, 'other.yaml'), input)).toBe(false);
  });

  it('fails with a WriteError and cleans up when the rename cannot happen', () => {
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
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toMatch(/^cannot write .*taken: /);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('says in words why a directory is missing', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'a', 'b.txt'), 'x')).toThrow(
      'the directory does not exist',
    );
  });
});
