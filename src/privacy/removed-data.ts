/** What removed personal data is replaced with; ids stay, so history and figures still add up. */
export const REMOVED_NAME = 'Borttagen';
export const removedEmail = (id: string) => `borttagen-${id}@borttagen.invalid`;
