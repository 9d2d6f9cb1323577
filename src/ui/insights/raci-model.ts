/**
 * The Insights tab's departments part: this participant's department, the RACI rows (stages and
 * actions) with their findings, and the department × stage coverage.
 */
import { computed } from '@preact/signals';
import { deriveCoverage } from '../../domain/insights/departments';
import { checkRaci, type RaciRole, type RaciSubject } from '../../domain/insights/raci';
import type { InsightsContext } from './insights-context';

export function createRaciModel(ctx: InsightsContext) {
  const { workshop, useCases, data, stageIds } = ctx;
  const raciSubjects = computed<RaciSubject[]>(() => [
    ...stageIds.value.map((id) => ({ kind: 'stage' as const, id })),
    ...(data.value?.actions ?? []).map((a) => ({ kind: 'action' as const, id: a.id })),
  ]);
  const subjectName = (subject: RaciSubject): string =>
    subject.kind === 'stage'
      ? (ctx.map.value?.stages.find((s) => s.id === subject.id)?.name ?? 'A stage')
      : (data.value?.actions.find((a) => a.id === subject.id)?.title ?? 'An action');
  const raciFindings = computed(() =>
    checkRaci(data.value?.raci ?? [], raciSubjects.value, subjectName),
  );
  const coverage = computed(() =>
    deriveCoverage(data.value?.contributions ?? [], stageIds.value, data.value?.departments ?? []),
  );
  return {
    raciSubjects,
    raciFindings,
    coverage,
    subjectName,
    setRaci: (subject: RaciSubject, department: string, role: RaciRole | null) =>
      ctx.onMap((map) =>
        useCases.setRaci(workshop, {
          mapId: map.id,
          subject,
          subjectName: subjectName(subject),
          department,
          role,
        }),
      ),
    setDepartment: (name: string) =>
      ctx.run(() => useCases.setDepartment(workshop, name), 'Department saved.'),
  };
}
