// The targets of credentials and profiles, kept in the preferences store (descriptors and what
// each target holds by id: never a secret; the store refuses anything that looks like one).
import type { PreferencesStore, TargetBinding, TargetState } from '../config/preferences-types.js';
import { formatTarget, parseTarget } from './descriptor.js';

/** Whose target: a credential (HMAC API id or OAuth client id) or a local profile (whatever key it holds). */
export type TargetOwner = { credentialId: string } | { profile: string };

export interface AddOptions {
  idName?: string;
  valueName?: string;
  masked?: boolean;
  protected?: boolean;
}

export interface TargetsStore {
  /** Every binding, as stored. */
  list(): TargetBinding[];
  /** The bindings of one owner. */
  of(owner: TargetOwner): TargetBinding[];
  /**
   * The targets a credential is delivered to: its own, and those of each local profile that holds
   * it (`profiles`, e.g. Credential.profiles).
   */
  forCredential(id: string, profiles?: readonly string[]): TargetBinding[];
  /** Adds (or replaces the options of) one binding; returns it. Throws TargetSyntaxError on a bad descriptor. */
  add(owner: TargetOwner, target: string, options?: AddOptions): TargetBinding;
  /** Removes one binding; false when there was none. */
  remove(owner: TargetOwner, target: string): boolean;
  /** An HMAC rotation gives the key a new id: its bindings follow it. */
  rekey(oldId: string, newId: string): void;
  /** Records what a target holds after a delivery. */
  record(binding: TargetBinding, state: TargetState): void;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function ownerOf(b: TargetBinding): TargetOwner {
  return b.credentialId ? { credentialId: b.credentialId } : { profile: b.profile! };
}

export function ownerText(o: TargetOwner | TargetBinding): string {
  if ('credentialId' in o && o.credentialId) return `credential ${o.credentialId}`;
  return `profile [${(o as { profile: string }).profile}]`;
}

function owns(b: TargetBinding, o: TargetOwner): boolean {
  if ('credentialId' in o) return Boolean(b.credentialId) && sameId(b.credentialId!, o.credentialId);
  return b.profile === o.profile;
}

/** The bindings of a credential among `all`: its own, and those of each local profile holding it. Pure. */
export function bindingsFor(all: readonly TargetBinding[], id: string, profiles: readonly string[] = []): TargetBinding[] {
  return all.filter((b) => (b.credentialId && sameId(b.credentialId, id)) || (b.profile !== undefined && profiles.includes(b.profile)));
}

export function createTargetsStore(prefs: PreferencesStore): TargetsStore {
  const all = () => prefs.get().targets ?? [];
  const save = (targets: TargetBinding[]) => prefs.update({ targets });
  return {
    list: all,
    of: (o) => all().filter((b) => owns(b, o)),
    forCredential: (id, profiles = []) => bindingsFor(all(), id, profiles),
    add(owner, target, options = {}) {
      const canonical = formatTarget(parseTarget(target));
      const binding: TargetBinding = { ...owner, target: canonical };
      if (options.idName) binding.idName = options.idName;
      if (options.valueName) binding.valueName = options.valueName;
      if (options.masked !== undefined) binding.masked = options.masked;
      if (options.protected !== undefined) binding.protected = options.protected;
      const rest = all().filter((b) => !(owns(b, owner) && b.target === canonical));
      save([...rest, binding]);
      return binding;
    },
    remove(owner, target) {
      let canonical = target;
      try {
        canonical = formatTarget(parseTarget(target));
      } catch {
        // remove what was stored under that text, if anything
      }
      const before = all();
      const rest = before.filter((b) => !(owns(b, owner) && b.target === canonical));
      if (rest.length === before.length) return false;
      save(rest);
      return true;
    },
    rekey(oldId, newId) {
      const before = all();
      if (!before.some((b) => b.credentialId && sameId(b.credentialId, oldId))) return;
      save(before.map((b) => (b.credentialId && sameId(b.credentialId, oldId) ? { ...b, credentialId: newId } : b)));
    },
    record(binding, state) {
      const owner = ownerOf(binding);
      save(all().map((b) => (owns(b, owner) && b.target === binding.target ? { ...b, last: state } : b)));
    },
  };
}
