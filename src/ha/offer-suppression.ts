/**
 * Which of the framework's roles the scheduler suppressed offers for, as it told its driver
 * (suppressOffers, reviveOffers, updateFramework's suppressedRoles): what a revive made on the
 * scheduler's behalf must leave suppressed.
 */
export class OfferSuppression {
  private readonly suppressed = new Set<string>();

  constructor(private roles: string[]) {}

  /** suppressOffers(roles): every role of the framework when none are given. */
  suppress(roles: string[] | undefined): void {
    for (const role of roles?.length ? roles : this.roles) this.suppressed.add(role);
  }

  /** reviveOffers(roles): every role when none are given. */
  revive(roles: string[] | undefined): void {
    if (roles?.length) for (const role of roles) this.suppressed.delete(role);
    else this.suppressed.clear();
  }

  /** updateFramework(frameworkInfo, suppressedRoles): the roles and the suppression replaced. */
  update(roles: string[], suppressedRoles: string[]): void {
    this.roles = roles;
    this.suppressed.clear();
    for (const role of suppressedRoles) this.suppressed.add(role);
  }

  /**
   * The roles a revive may cover: undefined for every role (none is suppressed), [] for none
   * (all are), or those not suppressed.
   */
  revivable(): string[] | undefined {
    if (this.suppressed.size === 0) return undefined;
    return this.roles.filter((role) => !this.suppressed.has(role));
  }
}

/** The roles of a FrameworkInfo as the master reads them: `roles`, else `role`, else '*'. */
export function frameworkRoles(framework: { roles?: string[]; role?: string }): string[] {
  if (framework.roles?.length) return [...framework.roles];
  return [framework.role ?? '*'];
}
