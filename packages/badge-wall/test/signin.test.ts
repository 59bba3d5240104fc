import { expect } from '@esm-bundle/chai';
import { configure } from '@kith/client';
import { API, $, expiredToken, memoryBackend, mount, names, recordEvents, seed, serve, settle, text, until } from './harness.ts';

// `me` over the REST protocol (msw), so the token travels as a real Authorization header.
describe('<kith-badge-wall> member="me" and member tokens', () => {
  beforeEach(() => serve(expiredToken(memoryBackend(seed()))));

  it('shows the signed-in member’s badges with a valid token', async () => {
    const el = await mount({ endpoint: API, 'member-token': 'tok-ana' });
    expect(text($(el, '[part=title]'))).to.equal('Your badges');
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
  });

  it('asks to sign in when there is no token, without a request', async () => {
    const events = recordEvents();
    const el = await mount({ endpoint: API });
    expect(text($(el, '[part=message]'))).to.equal('Sign in to see your badges.');
    expect(events.seen).to.deep.equal([{ type: 'kith-badge-signin', detail: { reason: 'missing' } }]);
    events.stop();
  });

  it('says so when the token has expired', async () => {
    const events = recordEvents();
    const el = await mount({ endpoint: API, 'member-token': 'tok-old' });
    expect(text($(el, '[part=message]'))).to.equal('Your sign-in has expired. Please sign in again.');
    expect(events.seen).to.deep.equal([{ type: 'kith-badge-signin', detail: { reason: 'expired' } }]);
    events.stop();
  });

  it('says so when the token is forged', async () => {
    const el = await mount({ endpoint: API, 'member-token': 'eyJhbGciOiJub25lIn0.forged.' });
    expect(text($(el, '[part=message]'))).to.equal('Your sign-in could not be verified. Please sign in again.');
    expect($(el, '[part=error]')).to.equal(null);
  });

  it('shows the messages in the visitor’s language', async () => {
    const el = await mount({ endpoint: API, 'member-token': 'tok-old', locale: 'es' });
    expect(text($(el, '[part=message]'))).to.equal('Tu sesión ha caducado. Vuelve a iniciar sesión.');
  });

  it('loads the badges once the page hands it a new token', async () => {
    const el = await mount({ endpoint: API, 'member-token': 'tok-old' });
    el.setAttribute('member-token', 'tok-ana');
    await until(() => names(el).length === 2, 3000, 'the badges');
    expect($(el, '[part=message]')).to.equal(null);
  });

  it('takes the token from Kith.configure({ memberToken })', async () => {
    configure({ memberToken: 'tok-ana' });
    try {
      const el = await mount({ endpoint: API });
      expect(names(el)).to.deep.equal(['First post', 'Helper']);
    } finally {
      configure({ memberToken: undefined });
    }
  });

  it('needs no token for a member id', async () => {
    const el = await mount({ endpoint: API, member: 'bo' });
    await settle(el);
    expect(names(el)).to.deep.equal(['First post', 'Voice']);
  });
});
