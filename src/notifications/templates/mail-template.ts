import escapeHtml from 'escape-html';

/** What every e-mail shows besides its own content: who sends it and how to reach the coordinator. */
export interface MailContext {
  organisation: string;
  coordinatorContact: string;
  publicUrl: string;
}

/** A piece of an e-mail's body, rendered both as plain text and as HTML. */
export type Block =
  | string
  | { list: string[] }
  | { link: { label: string; url: string } }
  | { table: { header: string[]; rows: string[][] } };

export interface MailContent {
  subject: string;
  /** Opening line, e.g. "Hej Anna!". */
  greeting: string;
  blocks: Block[];
}

/** A calendar invitation carried inside the message (text/calendar, with its METHOD). */
export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL';
  filename: string;
  content: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  calendar?: CalendarPart;
}

/** One e-mail kind: its content from its data. Each lives in a file of its own. */
export interface MailTemplate<D> {
  readonly name: string;
  content(data: D, context: MailContext): MailContent;
  calendar?(data: D): CalendarPart | undefined;
}

export const defineTemplate = <D>(template: MailTemplate<D>): MailTemplate<D> => template;

function blockText(block: Block): string {
  if (typeof block === 'string') return block;
  if ('list' in block) return block.list.map((item) => `  • ${item}`).join('\n');
  if ('link' in block) return `${block.link.label}: ${block.link.url}`;
  const { header, rows } = block.table;
  return [header, ...rows].map((row) => row.join(' | ')).join('\n');
}

function blockHtml(block: Block): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  if ('list' in block) return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  if ('link' in block) return `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`;
  const { header, rows } = block.table;
  const cells = (row: string[], tag: 'th' | 'td') =>
    `<tr>${row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
  return `<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse"><thead>${cells(header, 'th')}</thead><tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`;
}

function footer(context: MailContext): string[] {
  return [
    `Med vänliga hälsningar`,
    `${context.organisation}`,
    `Frågor om VFU-samarbetet? Kontakta ${context.coordinatorContact}.`,
    `Meddelandet skickades av VFU-tjänsten, ${context.publicUrl}`,
  ];
}

/** Renders a template to subject, plain text and HTML; every value is escaped in the HTML. */
export function renderMail<D>(template: MailTemplate<D>, data: D, context: MailContext): RenderedMail {
  const { subject, greeting, blocks } = template.content(data, context);
  const closing = footer(context);
  const text = [greeting, ...blocks.map(blockText), '--', ...closing].join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">` +
    `<p>${escapeHtml(greeting)}</p>${blocks.map(blockHtml).join('')}` +
    `<hr><p style="color:#444">${closing.map((line) => escapeHtml(line)).join('<br>')}</p></body></html>`;
  return { subject, text, html, calendar: template.calendar?.(data) };
}
