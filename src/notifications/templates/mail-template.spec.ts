import { defineTemplate, renderMail } from './mail-template';
import { TEMPLATES } from '.';

const context = {
  organisation: 'Stockholms stad, Socialförvaltningen',
  coordinatorContact: 'Anna, anna@stockholm.se',
  publicUrl: 'https://vfu.example.se',
};

const sample = defineTemplate<{ name: string; rows: string[][] }>({
  name: 'sample',
  content: (data) => ({
    subject: `Till ${data.name}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      'Ett stycke.',
      { list: ['ett', 'två'] },
      { link: { label: 'Öppna', url: 'https://x.se/?a=1&b=2' } },
      { table: { header: ['A', 'B'], rows: data.rows } },
    ],
  }),
});

describe('renderMail', () => {
  it('renders the same content as plain text and HTML, with the sender and the coordinator contact', () => {
    const mail = renderMail(sample, { name: 'Bo', rows: [['1', '2']] }, context);
    expect(mail.subject).toBe('Till Bo');
    expect(mail.text).toBe(
      'Hej Bo!\n\nEtt stycke.\n\n  • ett\n  • två\n\nÖppna: https://x.se/?a=1&b=2\n\nA | B\n1 | 2\n\n--\n\nMed vänliga hälsningar\n\n' +
        'Stockholms stad, Socialförvaltningen\n\nFrågor om VFU-samarbetet? Kontakta Anna, anna@stockholm.se.\n\n' +
        'Meddelandet skickades av VFU-tjänsten, https://vfu.example.se\n',
    );
    expect(mail.html).toContain('<ul><li>ett</li><li>två</li></ul>');
    expect(mail.html).toContain('<a href="https://x.se/?a=1&amp;b=2">Öppna</a>');
    expect(mail.html).toContain('<th>A</th><th>B</th>');
    expect(mail.html).toContain(
      'Stockholms stad, Socialförvaltningen<br>Frågor om VFU-samarbetet? Kontakta Anna, anna@stockholm.se.',
    );
    expect(mail.html).toMatch(/^<!doctype html><html lang="sv">/);
  });

  it('escapes every value in the HTML', () => {
    const mail = renderMail(sample, { name: '<script>alert(1)</script>', rows: [['"&', "'"]] }, context);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('<td>&quot;&amp;</td><td>&#39;</td>');
    expect(mail.text).toContain('Hej <script>alert(1)</script>!');
  });

  it('every template names itself by its key and renders in Swedish', () => {
    for (const [key, template] of Object.entries(TEMPLATES)) expect(template.name).toBe(key);
    const welcome = renderMail(
      TEMPLATES['user-welcome'],
      { name: 'Ulla', email: 'u@su.se', role: 'university_coordinator', scopeName: 'Stockholms universitet' },
      context,
    );
    expect(welcome.subject).toBe('Ditt konto i VFU-tjänsten');
    expect(welcome.text).toContain('Din roll: VFU-samordnare, Stockholms universitet.');
    expect(welcome.text).toContain('https://vfu.example.se/');
  });
});
