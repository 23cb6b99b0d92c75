import type { ValidationError } from 'class-validator';
import { AppError } from '../common/errors/app-error';

/**
 * The interface speaks Swedish; the API's messages are English. Validation problems are worded
 * here by constraint, and service errors by code or by the shape of their message. Anything not
 * listed falls back to a Swedish sentence that still names the field.
 */
const BY_CONSTRAINT: Record<string, (args: unknown[]) => string> = {
  isEmail: () => 'Ange en giltig e-postadress.',
  isString: () => 'Fyll i fältet.',
  minLength: ([min]) => (min === 1 ? 'Fyll i fältet.' : `Minst ${min} tecken.`),
  maxLength: ([max]) => `Högst ${max} tecken.`,
  isInt: () => 'Ange ett heltal.',
  min: ([min]) => `Minst ${min}.`,
  max: ([max]) => `Högst ${max}.`,
  isEnum: () => 'Välj ett av alternativen.',
  isIn: () => 'Välj ett av alternativen.',
  isUuid: () => 'Välj ett av alternativen.',
  isBoolean: () => 'Välj ja eller nej.',
  isCalendarDate: () => 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  isIso8601: () => 'Ange datum och tid.',
  arrayMinSize: ([min]) => (min === 1 ? 'Välj minst ett alternativ.' : `Välj minst ${min}.`),
  arrayMaxSize: ([max]) => `Välj högst ${max}.`,
  arrayUnique: () => 'Samma val får inte förekomma två gånger.',
  isArray: () => 'Välj minst ett alternativ.',
  whitelistValidation: () => 'Fältet hör inte till formuläret.',
};

const BY_MESSAGE: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/personal identity number/, () => 'Personnummer får inte användas; ange lärosätets egen referens.'],
  [/fieldPreferences lists a field twice/, () => 'Samma verksamhetsområde får inte väljas två gånger.'],
  [/fieldPreferences needs at least one field/, () => 'Välj minst ett verksamhetsområde.'],
  [/districtPreferences lists a district twice/, () => 'Samma stadsdel får inte väljas två gånger.'],
  [/must name its offset/, () => 'Ange datum och tid.'],
  [/^name is required$/, () => 'Fyll i namnet.'],
  [/^no such (district|university|student in .*|offer in .*)$/, () => 'Finns inte.'],
  [/^must be after startsOn$/, () => 'Slutdatumet måste komma efter startdatumet.'],
  [/^must be after startsAt$/, () => 'Sluttiden måste komma efter starttiden.'],
  [/^has a period already$/, () => 'Lärosätet har redan en period.'],
  [/^is also a preferred district$/, () => 'Stadsdelen kan inte både önskas och uteslutas.'],
  [/^(.+) belongs to another district$/, (m) => `${m[1]} tillhör en annan stadsdel.`],
  [/^(.+) is not active$/, (m) => `${m[1]} är inte längre aktiv som handledare.`],
  [/is not one of the supervisors named on the offer/, () => 'Handledaren är inte knuten till platsen.'],
  [/is in a district the student may not be placed in/, () => 'Studenten får inte placeras i den stadsdelen.'],
  [/^"(.+)" is not a known field$/, (m) => `"${m[1]}" är inget känt verksamhetsområde.`],
  [/^"(.+)" is not a known district$/, (m) => `"${m[1]}" är ingen känd stadsdel.`],
  [/^must be ja or nej$/, () => 'Skriv ja eller nej.'],
  [/^(.+) is also on row (\d+)$/, (m) => `${m[1]} finns också på rad ${m[2]}.`],
  [/^(.+) is already registered for (.+)$/, (m) => `${m[1]} är redan registrerad för ${m[2]}.`],
  [/^has no students$/, () => 'Filen innehåller inga studenter.'],
  [/^must name the columns .*; missing (.+)$/, (m) => `Första raden ska vara rubrikerna. Saknas: ${m[1]}.`],
  [/^cannot be read as CSV/, () => 'Filen kan inte läsas som CSV.'],
  [/^email must be an email$/, () => 'Ange en giltig e-postadress.'],
  [/^is required for a district_contact$/, () => 'Välj stadsdel för en kontaktperson.'],
  [/^is required for a university_coordinator$/, () => 'Välj lärosäte för en VFU-samordnare.'],
  [/^must be an active district_contact user of this district$/, () => 'Välj en aktiv kontaktperson i stadsdelen.'],
  [/^is not invited to this event$/, () => 'Personen är inte inbjuden.'],
  [/^is required: the district that received the request$/, () => 'Välj stadsdel.'],
  [/joint introduction is held at the start of the VFU period: on or after (\S+), the earliest VFU start of (\S+), and within its first 14 days \(by (\S+)\)/,
    (m) => `Den gemensamma introduktionen hålls i början av VFU-perioden: tidigast ${m[1]} (första VFU-start för ${m[2]}) och senast ${m[3]}.`],
  [/is required for the joint introduction/, () => 'Välj termin för introduktionen.'],
  [/^(\S+) has no VFU periods yet$/, (m) => `${m[1]} har inga VFU-perioder ännu.`],
  [/workshop is held before the autumn term starts: it must end before (\S+), the earliest VFU start of (\S+)/,
    (m) => `Workshopen hålls före höstterminens start: den ska vara slut före ${m[1]}, första VFU-start för ${m[2]}.`],
  [/create HT(\d+) with its VFU periods first/, (m) => `Workshopen hålls före höstterminens start; lägg först upp HT${m[1]} med VFU-perioder.`],
  [/Notice must be given at least (\d+) months before leaving: given today \((\S+)\), the earliest leaving date is (\S+)/,
    (m) => `Uppsägning ska ske minst ${m[1]} månader före avslut: sägs avtalet upp i dag (${m[2]}) är tidigaste avslutsdag ${m[3]}.`],
  [/already has a supervisor with this e-mail/, () => 'Stadsdelen har redan en handledare med den e-postadressen.'],
  [/^(.+) already has an offer in this field for the term/, (m) => `${m[1]} har redan en plats inom det verksamhetsområdet den här terminen; ändra den i stället.`],
  [/is not a supervisor/, () => 'Välj bland stadsdelens handledare.'],
  [/^code must be HT or VT followed by a year/, () => 'Ange HT eller VT följt av årtalet, till exempel HT2026.'],
  [/^must be empty for a (district_contact|university_coordinator|coordinator)$/, () => 'Lämna tomt: gäller inte den valda rollen.'],
];

const BY_CODE: [string, RegExp | null, (m: RegExpMatchArray) => string][] = [
  ['reporting_closed', /deadline for (\S+) \((\S+)\) has passed/, (m) => `Sista dag för rapportering för ${m[1]} (${m[2]}) har passerat. Kontakta den centrala samordnaren för ändringar.`],
  ['reporting_closed', /Reporting for (\S+) is closed: the term is (\w+)/, (m) => `Rapporteringen för ${m[1]} är stängd. Kontakta den centrala samordnaren för ändringar.`],
  ['supervisor_overcommitted', /in (\S+): (.+) can supervise (\d+) student\(s\) in all, but the offers (.+) need (\d+)/,
    (m) => `Handledarna räcker inte i ${m[1]}: ${m[2]} kan ta ${m[3]} student(er) sammanlagt, men platserna ${m[4]} behöver ${m[5]}. Ange fler handledare, minska antalet platser eller höj kapaciteten.`],
  ['placements_exceed_capacity', null, () => 'Studenter är redan placerade här. Flytta eller ta bort placeringarna först.'],
  ['offer_has_placements', null, () => 'Studenter är placerade på platsen. Ta bort placeringarna först.'],
  ['duplicate_offer', null, () => 'Enheten har redan en plats i det verksamhetsområdet; ändra den i stället.'],
  ['supervisor_email_taken', null, () => 'Stadsdelen har redan en handledare med den e-postadressen.'],
  ['email_taken', null, () => 'Det finns redan en användare med den e-postadressen.'],
  ['duplicate_student_ref', null, () => 'Studenten är redan registrerad.'],
  ['registration_closed', null, () => 'Studenterna kan inte längre ändras för terminen. Kontakta den centrala samordnaren.'],
  ['student_placed', null, () => 'Studenten är placerad; ta bort placeringen först.'],
  ['demand_closed', null, () => 'Behovet kan inte längre ändras för terminen. Kontakta den centrala samordnaren.'],
  ['term_code_taken', null, () => 'Det finns redan en termin med den koden.'],
  ['invalid_status_transition', /published by publishing/, () => 'En termin publiceras genom att placeringarna publiceras.'],
  ['invalid_status_transition', null, () => 'Terminen kan bara gå ett steg i taget: planering, rapportering, fördelning, publicerad, avslutad.'],
  ['term_not_reporting', null, () => 'Påminnelser skickas medan terminen är i rapportering.'],
  ['term_not_allocating', null, () => 'Placeringar görs när terminen är i fördelning eller publicerad.'],
  ['student_already_placed', null, () => 'Studenten är redan placerad.'],
  ['offer_full', null, () => 'Platsen är full.'],
  ['supervisor_full', null, () => 'Handledaren har redan så många studenter som hen kan ta.'],
  ['quota_full', null, () => 'Lärosätets kvot är fylld.'],
  ['nothing_to_publish', null, () => 'Det finns inga utkast att publicera.'],
  ['run_stale', null, () => 'Terminen har ändrats sedan körningen; gör en ny fördelning.'],
  ['run_not_applicable', null, () => 'Körningen är inte klar.'],
  ['allocation_not_possible', null, () => 'Fördelning görs när terminen är i rapportering, fördelning eller publicerad.'],
  ['queue_unavailable', null, () => 'Jobbkön svarar inte just nu; försök igen om en stund.'],
  ['one_introduction_per_term', null, () => 'Terminen har redan en gemensam introduktion.'],
  ['one_workshop_per_year', null, () => 'Det finns redan en workshop det året.'],
  ['event_cancelled', null, () => 'Händelsen är inställd.'],
  ['event_not_started', null, () => 'Närvaro registreras när händelsen har börjat.'],
  ['student_request_done', null, () => 'Förfrågan är redan besvarad eller avslutad.'],
  ['revision_pending', null, () => 'En revidering väntar redan på godkännande.'],
  ['revision_not_proposed', null, () => 'Revideringen väntar inte på godkännande.'],
  ['notice_given', null, () => 'Uppsägning är redan lämnad.'],
  ['self_deactivation', null, () => 'Du kan inte inaktivera ditt eget konto.'],
  ['notification_not_retryable', null, () => 'Bara misslyckade eller obekräftade meddelanden kan skickas om.'],
  ['forbidden', /own district/, () => 'Du kan bara göra det för din egen stadsdel.'],
  ['forbidden', /own university/, () => 'Du kan bara göra det för ditt eget lärosäte.'],
  ['forbidden', null, () => 'Du har inte behörighet till det.'],
  ['not_found', null, () => 'Det finns inte (längre).'],
  ['invalid_credentials', null, () => 'Fel e-postadress eller lösenord.'],
  ['too_many_attempts', null, () => 'För många misslyckade inloggningar. Vänta en stund och försök igen.'],
  ['constraint_violation', null, () => 'Ändringen krockar med befintliga uppgifter; ladda om sidan och försök igen.'],
];

export function swedishMessage(message: string): string {
  for (const [pattern, word] of BY_MESSAGE) {
    const match = message.match(pattern);
    if (match) return word(match);
  }
  return 'Kontrollera värdet.';
}

/** One Swedish sentence per field, from class-validator's errors. */
export function swedishProblems(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const [constraint, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (constraint) {
      const custom = BY_MESSAGE.find(([pattern]) => pattern.test(message));
      out[field] = custom ? custom[1](message.match(custom[0])!) : (BY_CONSTRAINT[constraint]?.(constraintArgs(message)) ?? 'Kontrollera värdet.');
    }
    Object.assign(out, swedishProblems(error.children ?? [], field));
  }
  return out;
}

/** class-validator does not hand the constraint's numbers to the message: read them back from its default message. */
function constraintArgs(message: string): number[] {
  return (message.match(/\d+/g) ?? []).map(Number);
}

/** A service error in Swedish: per field where it names fields, else one sentence. */
export function swedishError(error: AppError): { general?: string; fields: Record<string, string> } {
  if (error.details?.length) {
    return { fields: Object.fromEntries(error.details.map((d) => [d.row ? `row.${d.row}.${d.field}` : d.field, swedishMessage(d.message)])) };
  }
  for (const [code, pattern, word] of BY_CODE) {
    if (code !== error.code) continue;
    const match = pattern ? error.message.match(pattern) : ([] as unknown as RegExpMatchArray);
    if (match) return { general: word(match), fields: {} };
  }
  return { general: 'Något gick fel. Försök igen, eller kontakta den centrala samordnaren.', fields: {} };
}
