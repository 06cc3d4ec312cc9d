import { loadBinding } from './native/load';

/**
 * A Mesos version (Java's `MesosNativeLibrary.Version`), comparable: `before()` and
 * `compareTo()` order by major, minor, then patch.
 */
export class MesosVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly patch: number,
  ) {}

  /** Negative, zero or positive as this version is older than, equal to or newer than that. */
  compareTo(that: MesosVersion): number {
    return this.major - that.major || this.minor - that.minor || this.patch - that.patch;
  }

  /** Whether this version is older than that. */
  before(that: MesosVersion): boolean {
    return this.compareTo(that) < 0;
  }

  /** 'major.minor.patch' */
  toString(): string {
    return `${this.major}.${this.minor}.${this.patch}`;
  }
}

/**
 * The version of the Mesos the addon runs against (Java's `MesosNativeLibrary.version()`):
 * MESOS_MAJOR/MINOR/PATCH_VERSION_NUM of the headers of the installation whose libmesos
 * the addon was built against and links (as Java's binding reports them). Throws
 * AddonNotFoundError when the addon is not built.
 */
export function version(): MesosVersion {
  const [major, minor, patch] = loadBinding().mesosVersionNumbers;
  return new MesosVersion(major, minor, patch);
}
