import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isAppError } from '../../core/errors.js';
import { loadShippedCatalogue, parseCatalogue, shippedCataloguePath } from './catalogue.js';
import { APP_CATEGORIES } from './catalogue.schema.js';
import { normaliseHost } from './host.js';
import { deriveRisk } from './risk-rule.js';
import { SMALL_CATALOGUE } from './testing/fixtures.js';

function refusal(catalogue: unknown): string[] {
  try {
    parseCatalogue(JSON.stringify(catalogue));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return ((error.details as { issues: { path: string; message: string }[] }).issues ?? []).map(
      (i) => `${i.path}: ${i.message}`,
    );
  }
  throw new Error('the catalogue was accepted');
}

describe('the shipped AI app catalogue', () => {
  const catalogue = loadShippedCatalogue();

  it('lists at least 150 apps', () => {
    expect(catalogue.apps.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every app a unique id', () => {
    const ids = catalogue.apps.map((app) => app.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets two apps claim the same domain', () => {
    const owners = new Map<string, string>();
    for (const app of catalogue.apps) {
      for (const domain of app.domains) {
        expect(owners.get(domain), `${domain} of ${app.id}`).toBeUndefined();
        owners.set(domain, app.id);
      }
    }
    expect(catalogue.matcher.size).toBe(owners.size);
  });

  it('has apps in every category', () => {
    const present = new Set(catalogue.apps.map((app) => app.category));
    for (const category of APP_CATEGORIES) expect(present, category).toContain(category);
  });

  it('writes every domain in normalised form', () => {
    for (const app of catalogue.apps)
      for (const domain of app.domains) expect(normaliseHost(domain), app.id).toBe(domain);
  });

  it('states for every app the risk that the documented rule derives from its attributes', () => {
    const wrong = catalogue.apps
      .filter((app) => deriveRisk(app.attributes).risk !== app.risk)
      .map((app) => `${app.id}: file says ${app.risk}, rule says ${deriveRisk(app.attributes).risk}`);
    expect(wrong).toEqual([]);
  });

  it('maps each app’s own domains and their subdomains to the app', () => {
    for (const [index, app] of catalogue.apps.entries()) {
      for (const domain of app.domains) {
        expect(catalogue.matcher.match(domain), domain).toBe(index);
        // A subdomain belongs to the app unless another app claims it more specifically.
        const claimedBelow = catalogue.apps.some((other) =>
          other.domains.some((d) => d.endsWith(`.${domain}`)),
        );
        if (!claimedBelow) expect(catalogue.matcher.match(`x-probe.${domain}`), domain).toBe(index);
      }
    }
  });

  it('recognises the well-known services by their real domains', () => {
    const id = (host: string) => catalogue.apps[catalogue.matcher.match(host)]?.id;
    expect(id('chatgpt.com')).toBe('chatgpt');
    expect(id('chat.openai.com')).toBe('chatgpt');
    expect(id('api.openai.com')).toBe('openai-api');
    expect(id('sora.chatgpt.com')).toBe('sora');
    expect(id('claude.ai')).toBe('claude');
    expect(id('api.anthropic.com')).toBe('anthropic-api');
    expect(id('gemini.google.com')).toBe('gemini');
    expect(id('copilot.microsoft.com')).toBe('microsoft-copilot');
    expect(id('www.deepl.com')).toBe('deepl');
    expect(id('api.deepseek.com')).toBe('deepseek-api');
    expect(id('chat.deepseek.com')).toBe('deepseek');
    expect(id('huggingface.co')).toBe('hugging-face');
    expect(id('notchatgpt.com')).toBeUndefined();
    expect(id('google.com')).toBeUndefined();
    expect(id('openai.com')).toBeUndefined();
  });

  it('is read from data/ai-apps/catalogue.yaml', () => {
    const raw = YAML.parse(fs.readFileSync(shippedCataloguePath(), 'utf8')) as { apps: unknown[] };
    expect(raw.apps).toHaveLength(catalogue.apps.length);
  });
});

describe('checking a catalogue file', () => {
  it('accepts a valid catalogue', () => {
    expect(parseCatalogue(JSON.stringify(SMALL_CATALOGUE)).apps).toHaveLength(4);
  });

  it('refuses a domain claimed by two apps, naming both', () => {
    const apps = structuredClone(SMALL_CATALOGUE.apps);
    apps[3]!.domains = ['deepl.com', 'chatgpt.com'];
    expect(refusal({ ...SMALL_CATALOGUE, apps })).toEqual([
      'apps.3.domains.1: chatgpt.com is already claimed by chatgpt',
    ]);
  });

  it('refuses a repeated id', () => {
    const apps = structuredClone(SMALL_CATALOGUE.apps);
    apps[3]!.id = 'chatgpt';
    expect(refusal({ ...SMALL_CATALOGUE, apps })).toEqual(['apps.3.id: chatgpt repeats app 0']);
  });

  it('refuses domains that are not written in normalised form', () => {
    const apps = structuredClone(SMALL_CATALOGUE.apps);
    apps[3]!.domains = ['DeepL.com', 'deepl.com.', 'not a host', 'bücher.example'];
    expect(refusal({ ...SMALL_CATALOGUE, apps })).toEqual([
      'apps.3.domains.0: write "DeepL.com" as a lower-case ASCII host name (deepl.com)',
      'apps.3.domains.1: write "deepl.com." as a lower-case ASCII host name (deepl.com)',
      'apps.3.domains.2: write "not a host" as a lower-case ASCII host name (not a host name)',
      'apps.3.domains.3: write "bücher.example" as a lower-case ASCII host name (xn--bcher-kva.example)',
    ]);
  });

  it('refuses unknown fields, unknown categories and attribute values', () => {
    const apps = structuredClone(SMALL_CATALOGUE.apps) as Record<string, unknown>[];
    apps[0] = { ...apps[0], colour: 'green' };
    apps[1] = { ...apps[1], category: 'toaster' };
    apps[2] = { ...apps[2], attributes: { ...(apps[2]!.attributes as object), data_location: 'mars' } };
    const issues = refusal({ ...SMALL_CATALOGUE, apps });
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^apps\.0: .*colour/);
    expect(issues[1]).toMatch(/^apps\.1\.category: /);
    expect(issues[2]).toMatch(/^apps\.2\.attributes\.data_location: /);
  });

  it('refuses an empty catalogue and a missing review date', () => {
    expect(refusal({ version: 1, reviewed: '2026-11-30', apps: [] })).toEqual([
      expect.stringMatching(/^apps: /),
    ]);
    expect(refusal({ version: 1, apps: SMALL_CATALOGUE.apps })).toEqual([
      expect.stringMatching(/^reviewed: /),
    ]);
  });
});
