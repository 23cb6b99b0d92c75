import { MailRefusedError, refusal } from './mailer';

describe('refusal', () => {
  it('treats an SMTP reply as a refusal: 4xx temporary, 5xx permanent', () => {
    expect(refusal({ message: '451 busy', responseCode: 451, permanent: false })).toEqual(
      new MailRefusedError('451 busy', false),
    );
    expect(refusal({ message: '550 unknown', responseCode: 550, permanent: true })?.permanent).toBe(true);
  });

  it('treats failing to connect or sign in as not delivered', () => {
    expect(refusal({ message: 'refused', code: 'ESOCKET', originalCode: 'ECONNREFUSED' })).toBeInstanceOf(
      MailRefusedError,
    );
    expect(refusal({ message: 'dns', code: 'EDNS' })).toBeInstanceOf(MailRefusedError);
    expect(refusal({ message: 'auth', code: 'EAUTH' })).toBeInstanceOf(MailRefusedError);
    expect(refusal({ message: 'slow', code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' })).toBeInstanceOf(
      MailRefusedError,
    );
  });

  it('leaves a connection lost mid-session undecided: the server may have taken the message', () => {
    expect(refusal({ message: 'Connection closed unexpectedly', code: 'ECONNECTION', command: 'CONN' })).toBeNull();
    expect(refusal({ message: 'idle', code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' })).toBeNull();
  });
});
