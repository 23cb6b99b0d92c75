/**
 * Refuses anything shaped like a Swedish personal identity number (YYMMDD-NNNN, YYYYMMDDNNNN,
 * with or without the dash or a plus): the service must not hold them.
 */
export const NOT_A_PERSONAL_NUMBER = /^(?!(\d{2})?\d{6}[-+]?\d{4}$)/;
