// Group-matching doubts, counted across a module's many group lists so the
// user reads one warning per group title, not one per outcome measure.
import type { GroupMap } from './groups.js';
import { CTGOV_WARNINGS, type CtgovReport } from './messages.js';

export class GroupTally {
  private readonly unmatched = new Map<string, Map<string, number>>();
  private readonly likely = new Map<string, { arm: string; module: string }>();

  add(module: string, map: GroupMap): void {
    for (const g of map.unmatched) {
      const t = g.title ?? g.id ?? '?';
      const modules = this.unmatched.get(t) ?? new Map<string, number>();
      modules.set(module, (modules.get(module) ?? 0) + 1);
      this.unmatched.set(t, modules);
    }
    for (const { group, arm } of map.likely) this.likely.set(group.title ?? group.id ?? '?', { arm: arm.label, module });
  }

  report(report: CtgovReport): void {
    for (const [title, { arm, module }] of this.likely) {
      report.warn(CTGOV_WARNINGS.GROUP_LIKELY, `group "${title}" (${module}) was matched to arm "${arm}" by its words only; check it`);
    }
    for (const [title, modules] of this.unmatched) {
      const where = [...modules].map(([module, n]) => `${n} time${n === 1 ? '' : 's'} in ${module}`).join(', ');
      report.warn(CTGOV_WARNINGS.GROUP_UNMATCHED, `group "${title}" matches no arm (${where}); its values are left out`);
    }
  }
}
