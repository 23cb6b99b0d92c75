import { defineErrors, error } from '../common/errors/error-spec';

/** Where an e-mail that cannot be retried is, as Swedes say it. */
const STATE_SV: Record<string, string> = {
  pending: 'väntar redan på att skickas',
  sending: 'håller redan på att skickas',
  sent: 'är redan skickat',
};

export const NotificationsErrors = defineErrors({
  notification_not_retryable: error({
    status: 409,
    sample: { status: 'sent', recipient: 'anna.berg@stockholm.se' },
    message: (p) => `Only failed or unconfirmed notifications can be retried; this one is ${p.status}`,
    sv: (p) =>
      `Meddelandet till ${p.recipient} ${STATE_SV[p.status] ?? 'kan inte skickas om'}. Bara misslyckade eller obekräftade meddelanden kan skickas om.`,
  }),
});
