import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.js';
import { loadAiActQuestionnaire } from './ai-act.data.js';
import { classify } from './eu-ai-act.js';

describe('custos ai classify', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-ai-act-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the classification of an answers file as JSON, and refuses unknown ids with exit code 2', () => {
    const input = {
      role: 'deployer' as const,
      answers: { 'ai.definition': true, 'annex3.7b': true, 'art50.1': true },
    };
    const file = path.join(dir, 'answers.json');
    fs.writeFileSync(file, JSON.stringify(input));
    // The command needs no database: an unreachable one proves it is never opened.
    const db = 'postgres://nobody@127.0.0.1:1/none';

    const ok = runCli(['ai', 'classify', '--answers', file, '--json'], db);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(classify(input, loadAiActQuestionnaire()));

    const human = runCli(['ai', 'classify', '--answers', file], db);
    expect(human.stdout).toMatch(/^Tier: high\nArticles: Art\. 6\(2\), Annex III 7\(b\)\n/);
    expect(human.stdout).toMatch(/Reasons:\n {2}- Annex III 7\(b\): /);

    fs.writeFileSync(file, JSON.stringify({ role: 'deployer', answers: { 'annex3.9z': true } }));
    const bad = runCli(['ai', 'classify', '--answers', file, '--json'], db);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown question id\(s\): annex3\.9z/);
    expect(bad.stdout).toBe('');
  });
});
