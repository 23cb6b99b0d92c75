export enum InviteeKind {
  User = 'user',
  Supervisor = 'supervisor',
  Student = 'student',
}
