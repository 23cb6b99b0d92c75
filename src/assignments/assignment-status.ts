export enum AssignmentStatus {
  Draft = 'draft',
  Published = 'published',
}
