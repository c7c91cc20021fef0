import { securityHeaders } from './edge-headers.hook';

describe('security headers', () => {
  it("are helmet's defaults, worked out once", () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('follow the options given', () => {
    const headers = securityHeaders({ contentSecurityPolicy: false, strictTransportSecurity: { maxAge: 60 } });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['strict-transport-security']).toBe('max-age=60; includeSubDomains');
  });
});
