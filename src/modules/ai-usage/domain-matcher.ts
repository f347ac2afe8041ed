import { normaliseHost } from './host.js';

/*
 * Which app a host belongs to: a trie over the labels of the catalogue's domains, read from the
 * right (`com` → `openai` → `api`). A host matches the longest catalogue domain that equals it or
 * of which it is a subdomain, so `api.openai.com` and `foo.chatgpt.com` match while
 * `notchatgpt.com` never matches `chatgpt.com` (labels are compared whole, not as text suffixes).
 * A lookup costs one step per label of the host.
 */

interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  /** Index of the app that claims exactly this domain, or -1. */
  app: number;
}

export const NO_APP = -1;

export class DomainMatcher {
  private readonly root: TrieNode = { children: undefined, app: NO_APP };
  private domains = 0;

  /** Claim `domain` (normalised here) for `app`; a domain claimed twice is a catalogue error. */
  add(domain: string, app: number): void {
    const host = normaliseHost(domain);
    if (host === null) throw new Error(`"${domain}" is not a domain name`);
    let node = this.root;
    const labels = host.split('.');
    for (let i = labels.length - 1; i >= 0; i -= 1) {
      const label = labels[i]!;
      node.children ??= new Map();
      let child = node.children.get(label);
      if (!child) {
        child = { children: undefined, app: NO_APP };
        node.children.set(label, child);
      }
      node = child;
    }
    if (node.app !== NO_APP) throw new Error(`The domain ${host} is claimed twice`);
    node.app = app;
    this.domains += 1;
  }

  get size(): number {
    return this.domains;
  }

  /** The app of a raw host as a log writes it (case, port, trailing dot, IDN), or NO_APP. */
  match(rawHost: string): number {
    const host = normaliseHost(rawHost);
    return host === null ? NO_APP : this.matchNormalised(host);
  }

  /** The app of a host already normalised by normaliseHost, or NO_APP. */
  matchNormalised(host: string): number {
    let node = this.root;
    let best = NO_APP;
    let end = host.length;
    for (;;) {
      const dot = host.lastIndexOf('.', end - 1);
      const child = node.children?.get(host.slice(dot + 1, end));
      if (!child) return best;
      node = child;
      if (node.app !== NO_APP) best = node.app;
      if (dot < 0) return best;
      end = dot;
    }
  }
}
