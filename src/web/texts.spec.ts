import { CONFIRM } from './texts';

describe('the confirmations', () => {
  it('name what was done, in the Swedish of the count', () => {
    expect(CONFIRM.offerRemoved({ unitName: 'Enhet X', field: 'children_youth' })).toBe(
      'Platsen Enhet X, Barn och unga är borttagen.',
    );
    expect(CONFIRM.published({ code: 'HT2026', published: 1, notifications: 3 })).toBe(
      '1 placering för HT2026 är publicerad. 3 e-postmeddelanden till kontaktpersoner, lärosäten och handledare ligger i kö för att skickas.',
    );
    expect(CONFIRM.studentsImported({ imported: 1, code: 'HT2026' })).toBe(
      '1 student från filen är tillagd för HT2026.',
    );
    expect(CONFIRM.quotaSet({ university: 'Södertörns högskola', quota: 1 })).toBe(
      'Kvoten för Södertörns högskola är satt till 1 plats.',
    );
  });

  it('say where a request went: the student’s university, or all three', () => {
    expect(CONFIRM.requestForwarded({ studentName: 'Fatima Fors' })).toBe(
      'Förfrågan från Fatima Fors är registrerad och skickad vidare till alla tre lärosätenas VFU-samordnare.',
    );
  });

  it('say what a warning-free and a warned offer need', () => {
    expect(CONFIRM.offerSaved({ unitName: 'Enhet X', field: 'elderly' }, false)).toBe(
      'Platsen Enhet X, Äldreomsorg är sparad.',
    );
    expect(CONFIRM.offerSaved({ unitName: 'Enhet X', field: 'elderly' }, true)).toMatch(
      /är sparad, men något behöver ses över/,
    );
  });
});
