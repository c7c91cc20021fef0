import { Action, ACTIONS, PERMISSIONS, Role, ROLES } from './policy';

/** A cell of the role × action matrix as the README writes it: `yes`, `own` (own organisation only) or `no`. */
export type Cell = 'yes' | 'own' | 'no';

/** The matrix the policy enforces, action by action, in the order of ROLES. */
export function permissionMatrix(): Record<Action, Record<Role, Cell>> {
  return Object.fromEntries(
    ACTIONS.map((action) => [
      action,
      Object.fromEntries(ROLES.map((role) => [role, cellOf(PERMISSIONS[action][role])])) as Record<Role, Cell>,
    ]),
  ) as Record<Action, Record<Role, Cell>>;
}

function cellOf(scope: 'any' | 'own' | undefined): Cell {
  return scope === 'any' ? 'yes' : scope === 'own' ? 'own' : 'no';
}

/**
 * Reads the matrix from the README's table (a header row naming the roles, a row per `action`), so the
 * documented matrix can be checked against the policy and driven through the running system.
 */
export function parseMatrixTable(markdown: string): Record<string, Record<string, Cell>> {
  const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
  const header = lines.find((line) => /\|\s*action\s*\|/.test(line));
  if (!header) throw new Error('no table with an "action" column');
  const roles = cells(header).slice(1);
  const matrix: Record<string, Record<string, Cell>> = {};
  for (const line of lines) {
    const [first, ...rest] = cells(line);
    const action = /^`([^`]+)`$/.exec(first)?.[1];
    if (!action || rest.length !== roles.length) continue;
    matrix[action] = Object.fromEntries(roles.map((role, i) => [role.replace(/`/g, ''), rest[i] as Cell]));
  }
  return matrix;
}

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}
