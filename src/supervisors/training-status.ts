/** Supervisor training (handledarutbildning): the letter of intent wants every supervisor trained. */
export enum TrainingStatus {
  Completed = 'completed',
  InProgress = 'in_progress',
  None = 'none',
}
