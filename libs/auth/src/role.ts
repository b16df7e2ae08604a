/** Who may do what (DESIGN §5): feeds, care teams, operations, analytics, administration. */
export const ROLES = ['integration', 'coordinator', 'ops', 'analyst', 'admin'] as const;

export type Role = (typeof ROLES)[number];
