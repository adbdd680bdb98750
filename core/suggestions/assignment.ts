/** Handing a suggestion to its lead department and co-handlers, starting the statutory clocks. */
import { AssignmentModel, DepartmentModel } from '../../models/definitions';
import { recordRoutingExample } from '../routing/departmentModel';
import { invalid } from '../result';
import { resolveDepartments } from '../directory/departmentIndex';
import type { RoutingProposal } from '../../contracts/schemas';
import { assignmentDeadlines } from './deadlines';
import { fail } from '../useCase';
import type { ActionRun } from './perform';

/** Creates the assignments (departments given by code or by any name a person writes), sets the deadlines and stores the routing decision as a labelled example. */
export async function assignDepartments(run: ActionRun<unknown>, leadRef: string, coRefs: string[]): Promise<{ lead: string; co: string[] }> {
  const s = run.facts.suggestion;
  const depts = await resolveDepartments([leadRef, ...coRefs]);
  if (typeof depts === 'string') fail(invalid(depts));
  const byCode = new Map(depts.map((d) => [d.code, d]));
  const leadCode = depts[0].code;
  const co = [...new Set(depts.slice(1).map((d) => d.code))].filter((c) => c !== leadCode);
  for (const [code, role] of [[leadCode, 'lead'], ...co.map((c) => [c, 'co'])] as [string, string][]) {
    await AssignmentModel.create({
      suggestionId: s.id,
      departmentId: byCode.get(code)!.id,
      role,
      active: true,
      assignedAt: run.now,
      signedAt: null,
      returnedAt: null,
      returnReason: null,
      opinion: null,
      opinionAt: null,
    });
  }
  const proposal = s.routing ? (JSON.parse(s.routing) as RoutingProposal) : null;
  await recordRoutingExample(s, leadCode, 'positive', proposal?.lead?.code === leadCode ? 'confirm' : 'correct', run.now);
  const d = assignmentDeadlines(run.today);
  s.leadDepartmentId = byCode.get(leadCode)!.id;
  s.assignedAt = run.now;
  s.assignedOn = run.today;
  s.returnDueOn = d.returnDueOn;
  s.coOpinionDueOn = co.length ? d.coOpinionDueOn : null;
  s.answerDueOn = d.answerDueOn;
  s.redoDueOn = null;
  return { lead: leadCode, co };
}

/** The names of departments for an event note: "主办：A；协办：B、C". */
export async function assignmentNote(lead: string, co: string[]): Promise<string> {
  const names = new Map((await DepartmentModel.findAll({ where: { code: [lead, ...co] } })).map((d) => [d.code, d.name]));
  return `主办：${names.get(lead) ?? lead}${co.length ? `；协办：${co.map((c) => names.get(c) ?? c).join('、')}` : ''}`;
}
